/**
 * Browser mode's server: serves the built renderer and carries the contract over one WebSocket.
 * 127.0.0.1 only; Host allowlist on every request; the page and the socket need the per-launch
 * token; the socket also needs the Origin that served the page. All refusals happen before any
 * handler runs.
 */
import http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { eventChannels, type EventPayloads } from '../../../shared/contract'
import { WS_PATH, type ServerEvent, type ServerMessage } from '../../../shared/ws-protocol'
import { systemClock } from '../../engine/core/clock'
import type { TypedEmitter } from '../../engine/core/emitter'
import type { Dispatch } from '../dispatch'
import { EventBatcher, type BatchTimers } from '../event-batcher'
import {
  LOOPBACK,
  cookieName,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  securityHeaders,
  tokenFromCookie,
  tokenFromUrl,
  tokensEqual,
} from './security'
import { resolveStatic } from './static-files'
import { attachWsConnection } from './ws-connection'

export interface WebServerOptions {
  dispatch: Dispatch
  events: TypedEmitter<EventPayloads>
  staticDir: string
  port?: number
  token?: string
  now: () => number
  /** Hard cap per frame (ws closes the socket with 1009 above it). */
  maxFrameBytes?: number
  /** Timers of the event batching (default the system clock; tests pass a fake one). */
  timers?: BatchTimers
}

/** One flush as one frame: a lone event as `event`, several as `events` (in order). */
export function eventFrame(batch: readonly ServerEvent[]): ServerMessage {
  const [first] = batch
  if (batch.length === 1 && first) return { type: 'event', ...first }
  return { type: 'events', events: [...batch] }
}

export interface WebServer {
  readonly port: number
  readonly url: string
  readonly token: string
  /** Number of requests refused before reaching a handler (for tests and diagnostics). */
  readonly refused: number
  close(): Promise<void>
}

/** The request target as a URL on this server; only origin-form targets ("/path?query") are accepted. */
function parseTarget(req: http.IncomingMessage): URL | undefined {
  const target = req.url ?? '/'
  if (!target.startsWith('/') || target.startsWith('//')) return undefined
  try {
    return new URL(target, `http://${req.headers.host}`)
  } catch {
    return undefined
  }
}

const unauthorizedText =
  'Lifeguard browser mode: open the URL printed in the terminal; it carries the access token.\n'

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken()
  const sockets = new Set<WebSocket>()
  let port = 0
  let refused = 0

  const refuseHttp = (res: http.ServerResponse, status: number, text: string) => {
    refused++
    res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(text)
  }

  const presentedToken = (req: http.IncomingMessage, url: URL) =>
    tokenFromUrl(url) ?? tokenFromCookie(req.headers.cookie, port)

  const server = http.createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) return refuseHttp(res, 403, 'forbidden host\n')
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuseHttp(res, 405, 'method not allowed\n')
    const url = parseTarget(req)
    if (!url) return refuseHttp(res, 400, 'bad request\n')
    const presented = presentedToken(req, url)
    if (!tokensEqual(presented, token)) return refuseHttp(res, 401, unauthorizedText)
    const file = resolveStatic(options.staticDir, url.pathname)
    if (!file) return refuseHttp(res, 404, 'not found\n')
    const headers: Record<string, string> = { ...securityHeaders, 'Content-Type': file.contentType }
    if (tokenFromUrl(url) !== undefined)
      headers['Set-Cookie'] = `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : file.body)
  })

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes ?? 1024 * 1024,
  })

  const refuseUpgrade = (socket: Duplex, status: number, text: string) => {
    refused++
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  }

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    if (!isAllowedHost(req.headers.host, port)) return refuseUpgrade(socket, 403, 'Forbidden')
    const url = parseTarget(req)
    if (!url || url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found')
    if (!isAllowedOrigin(req.headers.origin, req.headers.host, port))
      return refuseUpgrade(socket, 403, 'Forbidden')
    if (!tokensEqual(presentedToken(req, url), token))
      return refuseUpgrade(socket, 401, 'Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      attachWsConnection(ws, { dispatch: options.dispatch, now: options.now })
    })
  })

  // Encoded once per flush, whatever the number of open sockets.
  const batcher = new EventBatcher(options.timers ?? systemClock, (batch) => {
    if (sockets.size === 0) return
    const text = JSON.stringify(eventFrame(batch))
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text)
  })
  const unsubscribers = eventChannels.map((channel) =>
    options.events.on(channel, (payload) => batcher.push(channel, payload)),
  )

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0

  return {
    port,
    token,
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    get refused() {
      return refused
    },
    close: async () => {
      for (const off of unsubscribers) off()
      batcher.stop()
      for (const ws of sockets) ws.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
