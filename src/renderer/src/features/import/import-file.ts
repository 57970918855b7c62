/**
 * Limits of what the page may send for an import, checked before sending so the user gets a
 * plain sentence instead of a refused request:
 * - the contract reads a servers.json of at most IMPORT_TEXT_MAX (5 MiB) and pasted text of at
 *   most 8 KiB (importPreviewRequestSchema);
 * - in browser mode every request travels as one WebSocket message, and the server reads at most
 *   MAX_MESSAGE_BYTES (256 KiB) of it, envelope and JSON escapes included.
 */
import type { RequestOf } from '../../../../shared/contract'
import type { ErrorInfo } from '../../../../shared/result'
import { IMPORT_TEXT_MAX, importPreviewRequestSchema } from '../../../../shared/schemas'
import { MAX_MESSAGE_BYTES, type ClientMessage } from '../../../../shared/ws-protocol'
import type { Transport } from '../../api/transport'

export type PreviewRequest = RequestOf<'profiles:import-preview'>
type TransportKind = Transport['kind']

/** "812 bytes", "250 KiB", "5.2 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KiB`
  const mib = bytes / (1024 * 1024)
  const text = mib < 10 ? mib.toFixed(1).replace(/\.0$/, '') : String(Math.round(mib))
  return `${text} MiB`
}

const tooLarge = (message: string): ErrorInfo => ({ code: 'message-too-large', message })

const browserLimit = (name: string, size: string) =>
  tooLarge(
    `“${name}” is ${size}, and in browser mode a request can carry at most ` +
      `${formatBytes(MAX_MESSAGE_BYTES)} (the WebSocket message limit). Import it in the ` +
      'desktop app, or export fewer servers from pgAdmin.',
  )

/** Before reading: a file over the limit is refused without reading it. */
export function fileSizeProblem(
  file: { name: string; size: number },
  transport: TransportKind,
): ErrorInfo | null {
  if (file.size > IMPORT_TEXT_MAX)
    return tooLarge(
      `“${file.name}” is ${formatBytes(file.size)}; the import reads files of up to ` +
        `${formatBytes(IMPORT_TEXT_MAX)}.`,
    )
  if (transport === 'websocket' && file.size > MAX_MESSAGE_BYTES)
    return browserLimit(file.name, formatBytes(file.size))
  return null
}

/** Bytes of the WebSocket message that would carry `request` (UTF-8 JSON with its envelope). */
export function messageBytes(request: PreviewRequest): number {
  const message: ClientMessage = {
    type: 'invoke',
    id: Number.MAX_SAFE_INTEGER,
    channel: 'profiles:import-preview',
    request,
  }
  return new TextEncoder().encode(JSON.stringify(message)).length
}

/**
 * After reading (or for pasted text): the contract's own limits, then, in browser mode, the
 * size of the message itself (JSON escaping can make a file under 256 KiB too large to send).
 */
export function requestProblem(
  request: PreviewRequest,
  transport: TransportKind,
): ErrorInfo | null {
  const parsed = importPreviewRequestSchema.safeParse(request)
  if (!parsed.success) {
    const first = parsed.error.issues[0]?.message ?? 'the request is not valid'
    return { code: 'validation', message: first }
  }
  if (transport === 'websocket' && request.kind === 'pgadmin') {
    const bytes = messageBytes(request)
    if (bytes > MAX_MESSAGE_BYTES)
      return browserLimit(request.fileName, `${formatBytes(bytes)} once encoded`)
  }
  return null
}

/** What pasting needs before it can be previewed. */
export function pastedProblem(text: string): ErrorInfo | null {
  if (text.trim() === '')
    return {
      code: 'validation',
      message: 'paste a postgresql:// URI or a key=value connection string first',
    }
  return null
}
