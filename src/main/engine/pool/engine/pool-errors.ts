/**
 * The pool's errors (architecture convention 4): one base with a literal code and the cause kept,
 * messages with a state snapshot in HikariCP's format.
 */
import { LifeguardError } from '../../core/errors'
import type { PoolGauges } from './pool-metrics'
import type { PoolState } from './pool-state'

/** `(total=10, active=10, idle=0, waiting=7)`; `waiting` counts the other callers still waiting. */
export function snapshotText(g: PoolGauges): string {
  return `(total=${g.total}, active=${g.active}, idle=${g.idle}, waiting=${g.waiting})`
}

export class AcquireTimeoutError extends LifeguardError {
  constructor(
    code: 'pool-exhausted' | 'database-unreachable',
    message: string,
    readonly snapshot: PoolGauges,
    cause?: unknown,
  ) {
    super(code, message, cause === undefined ? {} : { cause })
    this.name = 'AcquireTimeoutError'
  }
}

/**
 * 'database-unreachable' when creations have been failing since the last success (the cause is
 * the last creation error), else 'pool-exhausted' (every connection was busy).
 */
export function acquireTimeout(
  timeoutMs: number,
  gauges: PoolGauges,
  lastCreateError: Error | undefined,
): AcquireTimeoutError {
  const head = `acquire timed out after ${timeoutMs} ms ${snapshotText(gauges)}`
  if (lastCreateError)
    return new AcquireTimeoutError(
      'database-unreachable',
      `${head}: the database is unreachable: ${lastCreateError.message}`,
      gauges,
      lastCreateError,
    )
  return new AcquireTimeoutError('pool-exhausted', head, gauges)
}

export function queueFull(maxWaiting: number, gauges: PoolGauges): LifeguardError {
  return new LifeguardError(
    'queue-full',
    `too many callers waiting for a connection (maxWaiting=${maxWaiting}) ${snapshotText(gauges)}`,
  )
}

export function selfDeadlock(holder: string, gauges: PoolGauges): LifeguardError {
  return new LifeguardError(
    'self-deadlock',
    `"${holder}" already holds a connection and waits for another, but every connection is held by callers that are themselves waiting: it would wait forever ${snapshotText(gauges)}`,
  )
}

export function poolDraining(): LifeguardError {
  return new LifeguardError(
    'pool-draining',
    'the pool is draining: it hands out no connections until it is resumed (pass waitIfDraining to wait)',
  )
}

export function poolNotOpen(state: PoolState): LifeguardError {
  return new LifeguardError('pool-closed', `the pool is ${state}`)
}

export function doubleRelease(id: number): LifeguardError {
  return new LifeguardError('invalid-state', `connection ${id} was already released`)
}

export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value))
}
