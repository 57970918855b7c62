/** The server-side schema of browser mode's client messages (kept apart so the renderer bundle has no zod). */
import { z } from 'zod'
import type { ClientMessage } from './ws-protocol'

export const clientMessageSchema = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(100),
  request: z.unknown(),
}) satisfies z.ZodType<ClientMessage>
