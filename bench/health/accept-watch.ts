/**
 * Finds when a (re)starting server begins to accept connections. Every POLL_GAP_MS a raw TCP
 * connection sends a PostgreSQL StartupMessage, without waiting for the previous one (a refusal
 * during start-up can take 100 ms or more to arrive), and reads the first reply: 'R' (an
 * authentication request) means the server takes the connection; 'E' (57P03 "starting up") or
 * ECONNREFUSED means it does not. The socket is closed right after: no password is sent, so a
 * try costs the server a fork and nothing else (full SCRAM logins every 10 ms would compete for
 * the CPU with the attempt being measured). PostgreSQL decides whether it takes a connection when
 * it accepts the socket, under a millisecond after the try starts on loopback, so the moment lies
 * between:
 *   notBefore  the start of the latest refused try that began before `by` (not accepting yet);
 *   by         the start of the earliest accepted try (accepting then).
 * Whoever measures from the moment should use `notBefore`, the earlier one: a time measured from
 * it is an over-estimate by at most by - notBefore (about POLL_GAP_MS), never an under-estimate.
 * Then one full pg login + SELECT 1 confirms the server really answers (`confirmed`).
 */
import net from 'node:net'
import pg from 'pg'
import type { EmbeddedServerAddress } from '../../src/main/engine/demo/embedded-server'

const POLL_GAP_MS = 10
const TRY_TIMEOUT_MS = 1_000

export interface AcceptWindow<S> {
  /** performance.now() when the latest refused try (before `by`) started. */
  notBefore: number
  /** performance.now() when the earliest accepted try started. */
  by: number
  /** When a full login + SELECT 1, started once a try was accepted, finished. */
  confirmed: number
  /** What `snapshot()` returned at `notBefore`. */
  snapshot: S
  tries: number
  refusals: number
  /** Why the try at `notBefore` was refused (ECONNREFUSED, 57P03 "starting up", ...). */
  lastRefusal: string | null
}

interface Try<S> {
  startedAt: number
  state: S
  ok?: boolean
  code?: string
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string') return code
  return error instanceof Error ? error.message.slice(0, 80) : String(error)
}

function startupMessage(address: EmbeddedServerAddress): Buffer {
  const pairs = ['user', address.user, 'database', address.database]
  pairs.push('application_name', 'lifeguard health bench: accept watch')
  const body = Buffer.from(pairs.map((p) => p + '\0').join('') + '\0', 'utf8')
  const head = Buffer.alloc(8)
  head.writeInt32BE(8 + body.length, 0)
  head.writeInt32BE(196_608, 4) // protocol 3.0
  return Buffer.concat([head, body])
}

/** The SQLSTATE of an ErrorResponse, or its first bytes. */
function sqlState(reply: Buffer): string {
  const fields = reply.subarray(5).toString('utf8').split('\0')
  return fields.find((f) => f.startsWith('C'))?.slice(1) ?? 'error response'
}

/** Resolves when the server answers the StartupMessage with an authentication request. */
function startupAccepted(address: EmbeddedServerAddress): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: address.host, port: address.port })
    let reply = Buffer.alloc(0)
    const finish = (error?: Error) => {
      clearTimeout(timer)
      socket.destroy()
      if (error) reject(error)
      else resolve()
    }
    const timer = setTimeout(() => finish(new Error('no reply')), TRY_TIMEOUT_MS)
    socket.on('connect', () => socket.write(startupMessage(address)))
    socket.on('error', (error) => finish(error))
    socket.on('close', () => finish(new Error('closed without a reply')))
    socket.on('data', (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk])
      const kind = reply[0]
      if (kind === 0x52) return finish() // 'R': an authentication request
      if (kind !== 0x45) return finish(new Error(`unexpected reply ${String(kind)}`))
      // 'E': read the whole ErrorResponse for its SQLSTATE
      if (reply.length >= 5 && reply.length >= 1 + reply.readInt32BE(1))
        finish(new Error(sqlState(reply)))
    })
  })
}

/** A full login and SELECT 1. */
async function queryOnce(address: EmbeddedServerAddress): Promise<void> {
  const client = new pg.Client({
    host: address.host,
    port: address.port,
    user: address.user,
    password: address.password,
    database: address.database,
    connectionTimeoutMillis: TRY_TIMEOUT_MS,
    application_name: 'lifeguard health bench: accept watch',
  })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.query('SELECT 1')
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Polls until a try is accepted (or `timeoutMs` passes, or `signal` aborts), then waits for every
 * try still running, so no client is left open. `snapshot` is called synchronously as each try
 * starts, so the caller gets its own state at `notBefore`.
 */
export async function watchForAccept<S>(
  address: EmbeddedServerAddress,
  snapshot: () => S,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<AcceptWindow<S>> {
  if (address.host !== '127.0.0.1') throw new Error(`refusing to connect to ${address.host}`)
  const end = performance.now() + timeoutMs
  const tries: Try<S>[] = []
  const running = new Set<Promise<void>>()
  const firstOk = () => tries.find((t) => t.ok === true)
  let problem: Error | undefined
  while (!firstOk()) {
    if (signal?.aborted) problem = new Error('stopped watching for the server to accept')
    else if (performance.now() >= end)
      problem = new Error(`the server did not accept connections within ${timeoutMs} ms`)
    if (problem) break
    const attempt: Try<S> = { state: snapshot(), startedAt: performance.now() }
    tries.push(attempt)
    const done = startupAccepted(address).then(
      () => {
        attempt.ok = true
      },
      (error: unknown) => {
        attempt.ok = false
        attempt.code = codeOf(error)
      },
    )
    running.add(done)
    void done.finally(() => running.delete(done))
    await new Promise<void>((resolve) => setTimeout(resolve, POLL_GAP_MS))
  }
  await Promise.all(running)
  if (problem) throw problem
  // Tries start in order, so the first successful one in the list started earliest.
  const ok = firstOk()!
  const refused = tries.filter((t) => t.ok === false && t.startedAt < ok.startedAt).at(-1)
  const at = refused ?? ok
  await queryOnce(address)
  return {
    notBefore: at.startedAt,
    by: ok.startedAt,
    confirmed: performance.now(),
    snapshot: at.state,
    tries: tries.length,
    refusals: tries.filter((t) => t.ok === false).length,
    lastRefusal: refused?.code ?? null,
  }
}
