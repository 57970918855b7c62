/**
 * One browser-mode socket: size and rate limits, then the shared dispatch. Every message gets an
 * answer; nothing a client sends can crash the server.
 */
import type { WebSocket, RawData } from 'ws'
import { MAX_MESSAGE_BYTES, type ServerMessage } from '../../../shared/ws-protocol'
import { clientMessageSchema } from '../../../shared/ws-protocol-schema'
import { fail } from '../../../shared/result'
import type { Dispatch } from '../dispatch'
import { TokenBucket } from './rate-limiter'

export interface WsConnectionOptions {
  dispatch: Dispatch
  now: () => number
  ratePerSecond?: number
  burst?: number
}

function sizeOf(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0)
  if (data instanceof ArrayBuffer) return data.byteLength
  return data.length
}

function asBuffer(data: Buffer | ArrayBuffer): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data)
}

export function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
}

/** Reads the id of a message we refuse to parse fully, so the client can still match the answer. */
function peekId(text: string): number | undefined {
  const match = /"id"\s*:\s*(\d{1,15})/.exec(text.slice(0, 200))
  return match ? Number(match[1]) : undefined
}

export function attachWsConnection(socket: WebSocket, options: WsConnectionOptions): void {
  const bucket = new TokenBucket(options.ratePerSecond ?? 100, options.burst ?? 200, options.now)

  socket.on('message', (data, isBinary) => {
    const reply = (id: number | undefined, code: Parameters<typeof fail>[0], message: string) => {
      if (id === undefined) send(socket, { type: 'error', error: { code, message } })
      else send(socket, { type: 'result', id, result: fail(code, message) })
    }
    if (isBinary) return reply(undefined, 'bad-message', 'binary messages are not accepted')
    const size = sizeOf(data)
    if (size > MAX_MESSAGE_BYTES) {
      const head = asBuffer(Array.isArray(data) ? (data[0] ?? Buffer.alloc(0)) : data)
      return reply(
        peekId(head.subarray(0, 200).toString('utf8')),
        'message-too-large',
        `message of ${size} bytes exceeds the limit of ${MAX_MESSAGE_BYTES} bytes`,
      )
    }
    const buffer = Array.isArray(data) ? Buffer.concat(data) : asBuffer(data)
    const text = buffer.toString('utf8')
    if (!bucket.take()) return reply(peekId(text), 'rate-limited', 'too many messages: slow down')
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return reply(peekId(text), 'bad-message', 'message is not valid JSON')
    }
    const parsed = clientMessageSchema.safeParse(json)
    if (!parsed.success) {
      const id =
        typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : undefined
      return reply(id, 'bad-message', 'message must be {type:"invoke", id, channel, request}')
    }
    const { id, channel, request } = parsed.data
    void options
      .dispatch(channel, request)
      .catch(() => fail('internal', 'internal error while handling the request'))
      .then((result) => send(socket, { type: 'result', id, result }))
  })
  socket.on('error', () => socket.terminate())
}
