/**
 * Opens one `pg` connection for a profile, honouring libpq's sslmode meanings (including the
 * fall-backs of `prefer` and `allow`), with a bounded connect time. A password is passed only to
 * pg, never into a message.
 */
import pg from 'pg'
import type { ConnectionOptions } from 'node:tls'
import type { SslMode } from '../../../shared/domain'
import { classifyConnectionError } from '../core/pg-errors'

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
  const attempts = sslAttempts(params.sslmode)
  let lastError: unknown
  for (const ssl of attempts) {
    const client = new pg.Client({
      host: params.host,
      port: params.port,
      database: params.database,
      user: params.user,
      password: params.password ?? '',
      ssl,
      application_name: params.applicationName ?? 'lifeguard',
      connectionTimeoutMillis: params.connectTimeoutMs,
      query_timeout: params.queryTimeoutMs,
      keepAlive: true,
    })
    // An error event before anyone listens must never crash the process.
    client.on('error', () => undefined)
    try {
      await client.connect()
      return client
    } catch (error) {
      lastError = error
      await client.end().catch(() => undefined)
      if (!shouldFallBack(params.sslmode, error)) break
    }
  }
  throw classifyConnectionError(lastError, params)
}
