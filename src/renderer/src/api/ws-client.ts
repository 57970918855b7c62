/**
 * Browser mode's transport: the contract over one WebSocket to the local Lifeguard server. The
 * API surface comes from buildApi, exactly as the preload's does, so no method is hand-written.
 *
 * Events come one per frame (`event`) or several per frame (`events`, a flush of main's batcher):
 * each event of a batch reaches its listeners in order, as if it had come alone.
 *
 * Invokes wait in a queue until the first connection opens. When the socket closes, every
 * unanswered invoke resolves with a `connection-failed` envelope (never a throw) and the client
 * reconnects with exponential backoff (1 s, 2 s, 4 s ... at most 10 s).
 */
import { buildApi } from '../../../shared/api-builder'
import { isEventChannel, type EventChannel, type InvokeChannel } from '../../../shared/channels'
import type { Unsubscribe } from '../../../shared/contract'
import { fail, type ErrorInfo, type Result } from '../../../shared/result'
import {
  TOKEN_PARAM,
  WS_PATH,
  type ClientMessage,
  type ServerEvent,
  type ServerMessage,
} from '../../../shared/ws-protocol'
import type { Transport, TransportStatus } from './transport'

export const LOST_CONNECTION = 'lost connection to the Lifeguard server'
const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 10_000

type Listener<T> = (value: T) => void

/** Notifies listeners without letting one faulty listener starve the others. */
function emit<T>(listeners: Iterable<Listener<T>>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value)
    } catch (error) {
      console.error('Lifeguard: a listener failed', error)
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    isRecord(value) && typeof value['code'] === 'string' && typeof value['message'] === 'string'
  )
}

function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false
  return value['ok'] === true
    ? 'data' in value
    : value['ok'] === false && isErrorInfo(value['error'])
}

/** The well-formed events of a batch frame (an entry on an unknown channel is dropped). */
function batchEvents(value: unknown): ServerEvent[] | undefined {
  if (!Array.isArray(value)) return undefined
  const events: ServerEvent[] = []
  for (const entry of value as unknown[])
    if (isRecord(entry) && isEventChannel(entry['channel']))
      events.push({ channel: entry['channel'], payload: entry['payload'] })
  return events
}

/** Reads one server frame; anything that is not a well-formed ServerMessage is dropped. */
export function parseServerMessage(text: unknown): ServerMessage | undefined {
  if (typeof text !== 'string') return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isRecord(value)) return undefined
  const { type } = value
  if (type === 'result' && typeof value['id'] === 'number' && isResult(value['result']))
    return { type, id: value['id'], result: value['result'] }
  if (type === 'event' && isEventChannel(value['channel']))
    return { type, channel: value['channel'], payload: value['payload'] }
  if (type === 'events') {
    const events = batchEvents(value['events'])
    if (events) return { type, events }
  }
  if (type === 'error' && isErrorInfo(value['error'])) return { type, error: value['error'] }
  return undefined
}

/** Takes the per-launch token out of the address bar (once) so it is not bookmarked or shared. */
export function takeTokenFromLocation(location: Location, history: History): string | undefined {
  const params = new URLSearchParams(location.search)
  const token = params.get(TOKEN_PARAM)
  if (token === null) return undefined
  params.delete(TOKEN_PARAM)
  const search = params.toString()
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${search ? `?${search}` : ''}${location.hash}`,
  )
  return token
}

export function socketUrl(location: Location, token: string | undefined): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const query = token === undefined ? '' : `?${TOKEN_PARAM}=${encodeURIComponent(token)}`
  return `${scheme}//${location.host}${WS_PATH}${query}`
}

export function retryDelayMs(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS)
}

export interface WsClientOptions {
  url: string
  createSocket?: (url: string) => WebSocket
}

export function createWsClient(options: WsClientOptions): Transport & { close(): void } {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url))
  const pending = new Map<number, Listener<Result<unknown>>>()
  const queued: ClientMessage[] = []
  const eventListeners = new Map<EventChannel, Set<Listener<unknown>>>()
  const statusListeners = new Set<Listener<TransportStatus>>()
  const errorListeners = new Set<Listener<ErrorInfo>>()
  let status: TransportStatus = 'connecting'
  let socket: WebSocket | undefined
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let nextId = 1

  const setStatus = (next: TransportStatus) => {
    if (next === status) return
    status = next
    emit(statusListeners, next)
  }

  const settle = (id: number, result: Result<unknown>) => {
    const resolve = pending.get(id)
    pending.delete(id)
    resolve?.(result)
  }

  const transmit = (ws: WebSocket, message: ClientMessage) => {
    try {
      ws.send(JSON.stringify(message))
    } catch {
      settle(message.id, fail('bad-message', 'the request could not be sent as JSON'))
    }
  }

  const onMessage = (event: MessageEvent) => {
    const message = parseServerMessage(event.data)
    if (!message) return
    if (message.type === 'result') settle(message.id, message.result)
    else if (message.type === 'event')
      emit(eventListeners.get(message.channel) ?? [], message.payload)
    else if (message.type === 'events')
      for (const event of message.events)
        emit(eventListeners.get(event.channel) ?? [], event.payload)
    else emit(errorListeners, message.error)
  }

  const onClose = (ws: WebSocket) => {
    if (socket !== ws) return
    socket = undefined
    queued.length = 0
    for (const id of [...pending.keys()]) settle(id, fail('connection-failed', LOST_CONNECTION))
    if (status === 'closed') return
    failures++
    setStatus('reconnecting')
    retryTimer = setTimeout(open, retryDelayMs(failures))
  }

  function open(): void {
    retryTimer = undefined
    const ws = createSocket(options.url)
    socket = ws
    ws.addEventListener('open', () => {
      if (socket !== ws) return
      failures = 0
      setStatus('connected')
      for (const message of queued.splice(0)) transmit(ws, message)
    })
    ws.addEventListener('message', onMessage)
    ws.addEventListener('close', () => onClose(ws))
  }

  const invoke = (channel: InvokeChannel, request: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      if (status === 'reconnecting' || status === 'closed') {
        resolve(fail('connection-failed', LOST_CONNECTION))
        return
      }
      const message: ClientMessage = { type: 'invoke', id: nextId++, channel, request }
      pending.set(message.id, resolve)
      if (socket?.readyState === WebSocket.OPEN) transmit(socket, message)
      else queued.push(message)
    })

  const subscribe = (channel: EventChannel, listener: Listener<unknown>): Unsubscribe => {
    let listeners = eventListeners.get(channel)
    if (!listeners) eventListeners.set(channel, (listeners = new Set()))
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }

  open()
  return {
    api: buildApi({ invoke, subscribe }),
    kind: 'websocket',
    status: () => status,
    onStatus: (listener) => {
      statusListeners.add(listener)
      return () => void statusListeners.delete(listener)
    },
    onProtocolError: (listener) => {
      errorListeners.add(listener)
      return () => void errorListeners.delete(listener)
    },
    reconnectNow: () => {
      if (status !== 'reconnecting' || retryTimer === undefined) return
      clearTimeout(retryTimer)
      open()
    },
    close: () => {
      setStatus('closed')
      if (retryTimer !== undefined) clearTimeout(retryTimer)
      socket?.close()
    },
  }
}

/** The page's own client: token from the address bar (or the server's HttpOnly cookie). */
export function createBrowserClient(): Transport {
  const token = takeTokenFromLocation(window.location, window.history)
  return createWsClient({ url: socketUrl(window.location, token) })
}
