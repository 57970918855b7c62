/**
 * Classifies errors from `pg` and the network into specific, user-facing codes. Messages are built
 * from the classification and the target (host, port, database, user), never from a connection
 * string, so a password cannot leak through them.
 */
import { LifeguardError } from './errors'
import type { ErrorCode } from '../../../shared/result'

export interface Target {
  host: string
  port: number
  database: string
  user: string
}

interface ErrorLike {
  code?: unknown
  message?: unknown
}

function fieldsOf(error: unknown): { code: string; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike
  return {
    code: typeof e.code === 'string' ? e.code : '',
    message: typeof e.message === 'string' ? e.message : String(error),
  }
}

/** Retryable classes are transient network or server conditions; the rest need a person. */
export const transientCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'connection-refused',
  'connection-reset',
  'host-unreachable',
  'timeout',
  'server-starting',
  'too-many-connections',
])

export function classifyConnectionError(error: unknown, target: Target): LifeguardError {
  if (error instanceof LifeguardError) return error
  const { code, message } = fieldsOf(error)
  const where = `${target.host}:${target.port}`
  const make = (c: ErrorCode, text: string) => new LifeguardError(c, text, { cause: error })
  switch (code) {
    case '28P01':
      return make('auth-failed', `password authentication failed for user "${target.user}"`)
    case '28000':
      if (/no pg_hba\.conf entry/i.test(message))
        return make(
          'no-pg-hba-entry',
          `the server at ${where} has no pg_hba.conf entry for user "${target.user}", database "${target.database}"`,
        )
      return make('auth-failed', `the server at ${where} refused user "${target.user}"`)
    case '3D000':
      return make('unknown-database', `database "${target.database}" does not exist on ${where}`)
    case '53300':
      return make('too-many-connections', `the server at ${where} has too many connections`)
    case '57P01':
    case '57P02':
      return make(
        'connection-reset',
        `the server at ${where} ended the connection (it is shutting down or restarting)`,
      )
    case '08006':
    case '08003':
      return make('connection-reset', `the connection to ${where} was lost`)
    case '57P03':
      // cannot_connect_now covers starting up, shutting down, recovery and "not yet accepting".
      if (/shutting down/i.test(message))
        return make('connection-reset', `the database system at ${where} is shutting down`)
      if (/starting up/i.test(message))
        return make('server-starting', `the database system at ${where} is starting up`)
      return make(
        'server-starting',
        `the database system at ${where} is not accepting connections yet (starting up or in recovery)`,
      )
    case 'ECONNREFUSED':
      return make(
        'connection-refused',
        `connection refused by ${where}: is PostgreSQL running on that port?`,
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return make('host-not-found', `host "${target.host}" could not be resolved`)
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return make('host-unreachable', `host ${target.host} is unreachable`)
    case 'ECONNRESET':
    case 'EPIPE':
      return make('connection-reset', `the connection to ${where} was reset`)
    case 'ETIMEDOUT':
      return make('timeout', `connecting to ${where} timed out`)
  }
  if (/timeout|timed out/i.test(message)) return make('timeout', `connecting to ${where} timed out`)
  if (/server does not support SSL/i.test(message))
    return make(
      'ssl-required',
      `the server at ${where} does not support SSL, but sslmode requires it`,
    )
  if (/SSL (off|required)|requires SSL|no encryption/i.test(message))
    return make(
      'ssl-required',
      `the server at ${where} requires SSL: choose sslmode require or stricter`,
    )
  if (/Connection terminated/i.test(message))
    return make('connection-reset', `the connection to ${where} was closed unexpectedly`)
  return make('connection-failed', `could not connect to ${where} (${code || 'unknown error'})`)
}
