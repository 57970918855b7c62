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

/**
 * client.connect() bounded by `ms` (through authentication, as libpq's connect_timeout). If the
 * timer fires much later than due, this process was paused (SIGSTOP, a suspended laptop): the
 * server's answer may be sitting unread, so it gets a short grace before the attempt is given up.
 * On giving up the socket is destroyed at once, so nothing is left half-open.
 */
function connectWithin(client: pg.Client, ms: number): Promise<void> {
  if (!(ms > 0)) return client.connect().then(() => undefined)
  return new Promise<void>((resolve, reject) => {
    let done = false
    const armedAt = performance.now()
    const giveUp = () => {
      if (done) return
      done = true
      const stream = (client as unknown as { connection?: { stream?: { destroy(): void } } })
        .connection?.stream
      stream?.destroy()
      reject(new Error('connection timeout expired'))
    }
    const due = () => {
      if (done) return
      if (performance.now() - armedAt - ms > PAUSE_DETECTION_MS)
        timer = setTimeout(giveUp, PAUSE_GRACE_MS)
      else giveUp()
    }
    let timer = setTimeout(due, ms)
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
