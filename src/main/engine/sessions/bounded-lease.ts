/**
 * One bounded piece of work on a connection from the pool's reserved partition: waiting for the
 * connection and the work share one time budget (pause-aware, see health/deadline.ts), and the
 * connection goes back as soon as the work ends, however it ends. Work that overruns gives the
 * connection back as broken, so the pool closes it and nothing Lifeguard started keeps running
 * in the background; a connection handed over after the budget ran out goes straight back.
 */
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import { deadline } from '../health/deadline'
import type { Priority } from '../pool/engine'

export interface SessionConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
}

export interface SessionLease {
  readonly connection: SessionConnection
  /** Pass the error that broke the connection to have it removed. */
  release(error?: Error): void
}

/** What the sampler and the actions acquire through: a ProfileSession, or a ConnectionPool. */
export interface SessionAcquirer {
  acquire(options: {
    partition?: string
    holder?: string
    timeoutMs?: number
    priority?: Priority
  }): Promise<SessionLease>
}

export interface BoundedLeaseOptions {
  acquirer: SessionAcquirer
  clock: Clock
  /** undefined: the general partition (a pool without a 'monitor' partition). */
  partition: string | undefined
  holder: string
  timeoutMs: number
  /** Names the work in a timeout message: 'the session sample'. */
  what: string
}

export interface BoundedResult<T> {
  value: T
  acquireMs: number
}

/** SQLSTATE classes after which the connection itself is gone or not to be trusted. */
const brokenClasses = new Set(['08', '57', '58', 'XX'])

/** The server answered with an error (a SQLSTATE) on a connection that still works. */
export function isStatementError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return false
  if (!('severity' in error)) return false
  return !brokenClasses.has(code.slice(0, 2))
}

export async function withBoundedLease<T>(
  options: BoundedLeaseOptions,
  work: (connection: SessionConnection) => Promise<T>,
): Promise<BoundedResult<T>> {
  const { acquirer, clock, timeoutMs, what } = options
  const started = clock.now()
  let abandoned = false
  let acquiring: Promise<SessionLease>
  try {
    acquiring = acquirer.acquire({
      partition: options.partition,
      holder: options.holder,
      timeoutMs,
      priority: 'high',
    })
  } catch (error) {
    acquiring = Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
  acquiring.then(
    (lease) => {
      if (abandoned) lease.release()
    },
    () => undefined,
  )
  let lease: SessionLease
  try {
    lease = await deadline(clock, acquiring, timeoutMs, `${what} (waiting for a connection)`)
  } catch (error) {
    abandoned = true
    throw error
  }
  const acquireMs = clock.now() - started
  // Time beyond the whole budget can only be a pause deadline forgave: give the work all of it.
  const left = acquireMs >= timeoutMs ? timeoutMs : Math.max(1, timeoutMs - acquireMs)
  try {
    const value = await deadline(clock, work(lease.connection), left, what)
    lease.release()
    return { value, acquireMs }
  } catch (error) {
    if (connectionStillGood(error)) lease.release()
    else lease.release(error instanceof Error ? error : new Error(String(error)))
    throw error
  }
}

/**
 * After a statement error, or a refusal of Lifeguard's own (a typed error other than a timeout),
 * the connection is fine; after a timeout or a network error it is not.
 */
function connectionStillGood(error: unknown): boolean {
  if (error instanceof LifeguardError) return error.code !== 'timeout'
  return isStatementError(error)
}

/** A statement error as a 'query-failed' LifeguardError naming what failed; others unchanged. */
export function asQueryFailed(error: unknown, what: string): Error {
  if (error instanceof LifeguardError) return error
  if (isStatementError(error))
    return new LifeguardError('query-failed', `${what} failed: ${error.message} (${error.code})`, {
      cause: error,
    })
  if (error instanceof Error)
    return new LifeguardError('query-failed', `${what} failed: ${error.message}`, { cause: error })
  return new LifeguardError('query-failed', `${what} failed: ${String(error)}`)
}
