/**
 * Browser mode's wire format: the same contract as the desktop IPC, over one WebSocket.
 * Client -> server: invoke. Server -> client: the invoke's result envelope, an event, or a batch
 * of events (the server's EventBatcher flushes coalesced samples a few times a second as one frame).
 */
import type { EventChannel } from './contract'
import type { ErrorInfo, Result } from './result'

/** Path of the WebSocket endpoint; the page and the socket both need the per-launch token. */
export const WS_PATH = '/ws'
export const TOKEN_PARAM = 'token'
/** Largest message the server reads; larger ones are answered with `message-too-large`. */
export const MAX_MESSAGE_BYTES = 256 * 1024

/** What the client sends; validated on the server by ws-protocol-schema.ts. */
export interface ClientMessage {
  type: 'invoke'
  id: number
  channel: string
  request: unknown
}

/** One event as it travels inside a batch frame. */
export interface ServerEvent {
  channel: EventChannel
  payload: unknown
}

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; channel: EventChannel; payload: unknown }
  /** Several events in one frame, in the order they happened; deliver each as if it came alone. */
  | { type: 'events'; events: ServerEvent[] }
  /** A message that could not be read at all (no id to answer to). */
  | { type: 'error'; error: ErrorInfo }
