/**
 * Shared fixture for the browser-mode server tests: a real server on 127.0.0.1 with a temp
 * static folder, a stub dispatch that counts calls, a real TypedEmitter and a controllable clock.
 */
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { WebSocket, type ClientOptions, type RawData } from 'ws'
import type { EventPayloads } from '../../../src/shared/contract'
import { ok, type Result } from '../../../src/shared/result'
import type { ServerMessage } from '../../../src/shared/ws-protocol'
import { TypedEmitter } from '../../../src/main/engine/core/emitter'
import { startWebServer, type WebServer } from '../../../src/main/transport/web/web-server'
import { FakeClock } from '../../helpers/fake-clock'
import { tempDir } from '../../helpers/temp-dir'

export const INDEX_HTML = '<!doctype html><title>Lifeguard test index</title>'
export const APP_JS = 'console.log("lifeguard test asset")'
/** Content of files next to (outside) the static folder. */
export const SECRET = 'TOP-SECRET-OUTSIDE-ROOT'

export interface Harness {
  server: WebServer
  events: TypedEmitter<EventPayloads>
  calls: Array<{ channel: unknown; request: unknown }>
  staticDir: string
  /** The injected monotonic clock (ms); tests move it explicitly. */
  clock: { now: number }
  /** The event batcher's timers: sample flushes happen when a test advances it. */
  batchClock: FakeClock
  close(): Promise<void>
}

export async function startHarness(token?: string): Promise<Harness> {
  const { dir, cleanup } = tempDir('lifeguard-web-')
  const staticDir = path.join(dir, 'renderer')
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML)
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), APP_JS)
  // A file outside the static folder that must never be served.
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET)
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: SECRET }))

  const calls: Harness['calls'] = []
  const clock = { now: 0 }
  const batchClock = new FakeClock()
  const events = new TypedEmitter<EventPayloads>()
  const dispatch = async (channel: unknown, request: unknown): Promise<Result<unknown>> => {
    calls.push({ channel, request })
    return ok({ echoed: channel })
  }
  const server = await startWebServer({
    dispatch,
    events,
    staticDir,
    token,
    now: () => clock.now,
    timers: batchClock,
  })
  return {
    server,
    events,
    calls,
    staticDir,
    clock,
    batchClock,
    close: async () => {
      // A socket the server lost track of (only after a server bug) must not hang the suite.
      let timer: NodeJS.Timeout | undefined
      const giveUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, 1000)
      })
      await Promise.race([server.close(), giveUp])
      clearTimeout(timer)
      cleanup()
    },
  }
}

export interface HttpAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** An HTTP request to 127.0.0.1 with exactly the headers given (no automatic Host). */
export function request(
  port: number,
  pathAndQuery: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathAndQuery,
        method,
        headers,
        setHost: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** Raw bytes over TCP; resolves with everything the server wrote before closing. */
export function rawRequest(port: number, text: string, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text))
    const chunks: Buffer[] = []
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    socket.on('error', reject)
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('raw request timed out')))
  })
}

export type UpgradeOutcome = { opened: true; ws: WebSocket } | { opened: false; status: number }

/** Tries a WebSocket upgrade; resolves with the open socket or the HTTP status of the refusal. */
export function tryUpgrade(
  port: number,
  pathAndQuery: string,
  headers: Record<string, string>,
): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const options: ClientOptions = { headers, perMessageDeflate: false }
    // `ws` sets Host itself from the URL; an explicit header overrides it.
    const ws = new WebSocket(`ws://127.0.0.1:${port}${pathAndQuery}`, options)
    ws.once('open', () => resolve({ opened: true, ws }))
    ws.once('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? 0 })
      res.resume()
      ws.terminate()
    })
    ws.on('error', (error) => reject(error))
  })
}

/** Opens an authorised socket the way the served page would. */
export async function openAuthorised(h: Harness): Promise<WebSocket> {
  const { port, token } = h.server
  const outcome = await tryUpgrade(port, `/ws?token=${token}`, {
    Origin: `http://127.0.0.1:${port}`,
  })
  if (!outcome.opened) throw new Error(`upgrade refused with ${outcome.status}`)
  return outcome.ws
}

/** Collects parsed server messages; `next(n)` waits until n messages have arrived in total. */
export function collect(ws: WebSocket): {
  messages: ServerMessage[]
  until(count: number): Promise<ServerMessage[]>
} {
  const messages: ServerMessage[] = []
  const waiters: Array<() => void> = []
  ws.on('message', (data: RawData) => {
    messages.push(JSON.parse(String(data)) as ServerMessage)
    for (const wake of waiters.splice(0)) wake()
  })
  return {
    messages,
    until: (count) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length >= count) resolve(messages.slice(0, count))
          else waiters.push(check)
        }
        ws.once('close', () =>
          messages.length >= count ? undefined : reject(new Error('socket closed early')),
        )
        check()
      }),
  }
}

/** The events of event frames, each batch frame unpacked in order. */
export function eventsOf(
  messages: readonly ServerMessage[],
): Array<{ channel: string; payload: unknown }> {
  return messages.flatMap((m) =>
    m.type === 'event'
      ? [{ channel: m.channel, payload: m.payload }]
      : m.type === 'events'
        ? m.events.map((e) => ({ channel: e.channel, payload: e.payload }))
        : [],
  )
}

export function closed(ws: WebSocket): Promise<{ code: number }> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve({ code: 1006 })
    ws.once('close', (code) => resolve({ code }))
  })
}
