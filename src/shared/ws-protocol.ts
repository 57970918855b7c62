/**
 * Browser mode's wire format: the same contract as the desktop IPC, over one WebSocket.
 * Client -> server: invoke. Server -> client: the invoke's result envelope, or an event.
 */
import { z } from 'zod'
import type { EventChannel } from './contract'
import type { ErrorInfo, Result } from './result'

/** Path of the WebSocket endpoint; the page and the socket both need the per-launch token. */
export const WS_PATH = '/ws'
export const TOKEN_PARAM = 'token'
/** Largest message the server reads; larger ones are answered with `message-too-large`. */
export const MAX_MESSAGE_BYTES = 256 * 1024

export const clientMessageSchema = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(100),
  request: z.unknown(),
})
export type ClientMessage = z.output<typeof clientMessageSchema>

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; channel: EventChannel; payload: unknown }
  /** A message that could not be read at all (no id to answer to). */
  | { type: 'error'; error: ErrorInfo }
