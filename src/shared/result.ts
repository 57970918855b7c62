/**
 * The envelope every invoke answers with, on both transports. Thrown errors crossing Electron IPC
 * lose everything but their message, so errors travel as data.
 */
export const errorCodes = [
  // request / transport
  'validation',
  'unknown-channel',
  'bad-message',
  'message-too-large',
  'rate-limited',
  'forbidden',
  // domain
  'not-found',
  'conflict',
  'invalid-state',
  'password-required',
  'storage',
  'storage-read-only',
  // database / network, classified (see engine/core/pg-errors.ts)
  'auth-failed',
  'unknown-database',
  'no-pg-hba-entry',
  'ssl-required',
  'too-many-connections',
  'server-starting',
  'connection-refused',
  'host-not-found',
  'host-unreachable',
  'connection-reset',
  'timeout',
  'pool-closed',
  'acquire-timeout',
  'query-failed',
  'connection-failed',
  'demo-unavailable',
  'internal',
  // pool engine
  'pool-exhausted',
  'database-unreachable',
  'pool-draining',
  'self-deadlock',
  'queue-full',
  // health
  'service-unavailable',
  // secrets
  'secret-storage-unavailable',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorInfo {
  code: ErrorCode
  message: string
  detail?: string
  /** With 'service-unavailable': when trying again makes sense (the next scheduled attempt), ms. */
  retryAfterMs?: number
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo }

export function ok<T>(data: T): Result<T> {
  return { ok: true, data }
}

export function fail<T = never>(code: ErrorCode, message: string, detail?: string): Result<T> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } }
}
