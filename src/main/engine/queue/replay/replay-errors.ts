/**
 * Turns whatever a replay step threw into what the queue records and decides on: a server error
 * by its SQLSTATE (sqlstate-classes.ts), a network or pool error by core/pg-errors.ts and the
 * pool's own codes. Messages are built by Lifeguard; the server's text inside them is data.
 */
import type { QueueOperationError } from '../../../../shared/queue'
import type { ErrorCode } from '../../../../shared/result'
import { LifeguardError } from '../../core/errors'
import { classifyConnectionError, transientCodes, type Target } from '../../core/pg-errors'
import { breaksConnection, isSqlstate, sqlstateClass } from './sqlstate-classes'

/**
 * transient: retry with backoff (an attempt of the operation); permanent: stop and ask the user;
 * read-only: the database takes no writes now (standby), the operation waits without an attempt;
 * unavailable: the database cannot be used at all now (breaker open, not connected), nothing ran.
 */
export type FailureKind = 'transient' | 'permanent' | 'read-only' | 'unavailable'

export interface ClassifiedFailure {
  kind: FailureKind
  error: QueueOperationError
  /** The connection must not be reused (released as broken). */
  broken: boolean
}

/** Codes from the pool and the breaker after which nothing ran and the database is not usable. */
const unavailableCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'service-unavailable',
  'invalid-state',
  'pool-closed',
  'pool-draining',
  'database-unreachable',
])

/** Codes from the pool that are worth retrying soon. */
const transientPoolCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'acquire-timeout',
  'pool-exhausted',
  'timeout',
  ...transientCodes,
])

interface ServerError {
  code: string
  message: string
  detail?: unknown
}

function isServerError(error: unknown): error is Error & ServerError {
  return (
    error instanceof Error && isSqlstate((error as { code?: unknown }).code) && 'severity' in error
  )
}

/** `what` names the step: 'the statement', 'recording the operation id' ... */
export function classifyReplayError(
  error: unknown,
  what: string,
  target: Target,
  at: number,
): ClassifiedFailure {
  if (isServerError(error)) {
    const kind = sqlstateClass(error.code)
    const detail = typeof error.detail === 'string' && error.detail ? ` (${error.detail})` : ''
    return {
      kind,
      broken: breaksConnection(error.code),
      error: {
        code: 'query-failed',
        sqlstate: error.code,
        message: `${what} failed: ${error.message}${detail} [SQLSTATE ${error.code}]`,
        errorClass: kind === 'permanent' ? 'permanent' : 'transient',
        at,
      },
    }
  }
  if (error instanceof LifeguardError && (error.code === 'validation' || error.code === 'conflict'))
    return {
      kind: 'permanent',
      broken: false,
      error: {
        code: error.code,
        sqlstate: null,
        message: error.message,
        errorClass: 'permanent',
        at,
      },
    }
  const classified =
    error instanceof LifeguardError ? error : classifyConnectionError(error, target)
  const kind: FailureKind = unavailableCodes.has(classified.code)
    ? 'unavailable'
    : transientPoolCodes.has(classified.code) || classified.code === 'connection-failed'
      ? 'transient'
      : classified.code === 'query-failed'
        ? 'permanent'
        : 'transient'
  return {
    kind,
    broken: true,
    error: {
      code: classified.code,
      sqlstate: null,
      message: `${what} failed: ${classified.message}`,
      errorClass: kind === 'permanent' ? 'permanent' : 'transient',
      at,
    },
  }
}

/** A permanent failure of Lifeguard's own making (a refused statement, an id reused). */
export function permanentFailure(code: ErrorCode, message: string, at: number): ClassifiedFailure {
  return {
    kind: 'permanent',
    broken: false,
    error: { code, sqlstate: null, message, errorClass: 'permanent', at },
  }
}
