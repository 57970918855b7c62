/**
 * Opens one `pg` connection for a profile, honouring libpq's sslmode meanings (including the
 * fall-backs of `prefer` and `allow`), with a bounded connect time. A password is passed only to
 * pg, never into a message.
 */
import fs from 'node:fs'
import pg from 'pg'
import type { ConnectionOptions } from 'node:tls'
import type { HostPort, SslMode } from '../../../shared/domain'
import { LifeguardError } from '../core/errors'
import { classifyConnectionError } from '../core/pg-errors'
import { PAUSE_DETECTION_MS, PAUSE_GRACE_MS } from '../health/deadline'

export interface ConnectionParams {
  host: string
  port: number
  database: string
  user: string
  password: string | undefined
  sslmode: SslMode
  applicationName?: string
  connectTimeoutMs: number
  /** Bound on every query on this connection (DB_OPERATION_TIMEOUT). */
  queryTimeoutMs?: number
  /** Tried in order when `host` does not answer (libpq's host list). */
  fallbackHosts?: readonly HostPort[]
  /** libpq's sslrootcert / sslcert / sslkey: file paths, read when connecting. */
  sslFiles?: { rootcert?: string | null; cert?: string | null; key?: string | null }
}

/** Errors after which libpq does not try the remaining hosts: the server answered and said no. */
const stopsHostList = new Set(['auth-failed', 'unknown-database', 'no-pg-hba-entry'])

function readSslFile(label: string, file: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new LifeguardError('validation', `cannot read the ${label} ${file} (${code})`, {
      cause: error,
    })
  }
}

/** The TLS options the profile's certificate files add (libpq semantics). */
export function sslFileOptions(
  mode: SslMode,
  files: ConnectionParams['sslFiles'],
): { options: ConnectionOptions; verifyCa: boolean } {
  const options: ConnectionOptions = {}
  if (!files || mode === 'disable') return { options, verifyCa: false }
  if (files.cert) options.cert = readSslFile('client certificate', files.cert)
  if (files.key) options.key = readSslFile('client key', files.key)
  let verifyCa = false
  if (files.rootcert) {
    options.ca = readSslFile('root certificate', files.rootcert)
    // libpq: with a root certificate file present, sslmode=require behaves like verify-ca.
    verifyCa = mode === 'require'
  }
  return { options, verifyCa }
}

type SslOption = false | ConnectionOptions

/** The SSL settings to try, in order, for each sslmode (libpq semantics). */
export function sslAttempts(mode: SslMode): SslOption[] {
  const encryptOnly: ConnectionOptions = { rejectUnauthorized: false }
  switch (mode) {
    case 'disable':
      return [false]
    case 'allow':
      return [false, encryptOnly]
    case 'prefer':
      return [encryptOnly, false]
    case 'require':
      return [encryptOnly]
    case 'verify-ca':
      return [{ rejectUnauthorized: true, checkServerIdentity: () => undefined }]
    case 'verify-full':
      return [{ rejectUnauthorized: true }]
  }
}

function shouldFallBack(mode: SslMode, error: unknown): boolean {
  const message = error instanceof Error ? error.message : ''
  const code = (error as { code?: unknown } | null)?.code
  if (mode === 'prefer') return /does not support SSL/i.test(message)
  if (mode === 'allow') return code === '28000' && /no encryption|SSL off/i.test(message)
  return false
}

export async function openPgConnection(params: ConnectionParams): Promise<pg.Client> {
  const { options: files, verifyCa } = sslFileOptions(params.sslmode, params.sslFiles)
  const mode: SslMode = verifyCa ? 'verify-ca' : params.sslmode
  const attempts = sslAttempts(mode).map((ssl) => (ssl === false ? false : { ...ssl, ...files }))
  const targets: HostPort[] = [
    { host: params.host, port: params.port },
    ...(params.fallbackHosts ?? []),
  ]
  let lastError: LifeguardError | undefined
  for (const target of targets) {
    try {
      return await connectOne(params, target, attempts)
    } catch (error) {
      lastError = classifyConnectionError(error, { ...params, ...target })
      if (stopsHostList.has(lastError.code)) throw lastError
    }
  }
  throw lastError ?? new LifeguardError('connection-failed', 'no host to connect to')
}

/** How often the connect bound checks whether the process was paused. */
const CONNECT_SLICE_MS = 250

/**
 * client.connect() bounded by `ms` of *running* time (through authentication, as libpq's
 * connect_timeout). The bound is counted in slices of CONNECT_SLICE_MS: a slice that fires more
 * than PAUSE_DETECTION_MS late means this process was not running (SIGSTOP, a suspended laptop),
 * and only the slice itself is counted, so a pause never uses up a connection's time budget, even
 * when it starts just after the attempt did and ends just after its deadline. (A single timer
 * cannot tell: it fires only as late as the pause outlasted the deadline.) When the budget is
 * spent, the attempt gets PAUSE_GRACE_MS more if the last slice saw a pause (the server's answer
 * may be sitting unread), then it is given up and its socket destroyed at once, so nothing is left
 * half-open.
 */
function connectWithin(client: pg.Client, ms: number): Promise<void> {
  if (!(ms > 0)) return client.connect().then(() => undefined)
  return new Promise<void>((resolve, reject) => {
    let done = false
    let counted = 0
    let last = performance.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    const giveUp = () => {
      if (done) return
      done = true
      const stream = (client as unknown as { connection?: { stream?: { destroy(): void } } })
        .connection?.stream
      stream?.destroy()
      reject(new Error('connection timeout expired'))
    }
    const tick = () => {
      if (done) return
      const now = performance.now()
      const slice = Math.min(CONNECT_SLICE_MS, ms - counted)
      const paused = now - last - slice > PAUSE_DETECTION_MS
      counted += paused ? slice : now - last
      last = now
      if (counted < ms) timer = setTimeout(tick, Math.min(CONNECT_SLICE_MS, ms - counted))
      else if (paused) timer = setTimeout(giveUp, PAUSE_GRACE_MS)
      else giveUp()
    }
    timer = setTimeout(tick, Math.min(CONNECT_SLICE_MS, ms))
    client.connect().then(
      () => {
        if (done) return void client.end().catch(() => undefined)
        done = true
        clearTimeout(timer)
        resolve()
      },
      (error: unknown) => {
        if (done) return
        done = true
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

async function connectOne(
  params: ConnectionParams,
  target: HostPort,
  attempts: SslOption[],
): Promise<pg.Client> {
  let lastError: unknown
  for (const ssl of attempts) {
    const client = new pg.Client({
      host: target.host,
      port: target.port,
      database: params.database,
      user: params.user,
      password: params.password ?? '',
      ssl,
      application_name: params.applicationName ?? 'lifeguard',
      // Bounded below by a pause-aware timer of our own, not node-postgres's plain one.
      connectionTimeoutMillis: 0,
      query_timeout: params.queryTimeoutMs,
      keepAlive: true,
    })
    // An error event before anyone listens must never crash the process.
    client.on('error', () => undefined)
    try {
      await connectWithin(client, params.connectTimeoutMs)
      return client
    } catch (error) {
      lastError = error
      await client.end().catch(() => undefined)
      if (!shouldFallBack(params.sslmode, error)) break
    }
  }
  throw lastError
}
