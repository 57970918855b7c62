/** The few things the pool does to a connection itself, each bounded in time and never throwing past the pool. */
import type { Clock } from '../../core/clock'
import { transactionStatusOf, type PoolConnection } from './pool-connection'

/** Rejects if `promise` has not settled within `ms` on the injected clock. */
export function within<T>(clock: Clock, promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clock.clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clock.clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

/** Keepalive and validation on acquire: `SELECT 1` answers in time. */
export async function checkAlive(
  c: PoolConnection,
  clock: Clock,
  timeoutMs: number,
): Promise<void> {
  await within(clock, c.query('SELECT 1'), timeoutMs, 'SELECT 1')
}

/** Reset on release: `ROLLBACK`, then the connection must report no open transaction. */
export async function rollback(c: PoolConnection, clock: Clock, timeoutMs: number): Promise<void> {
  await within(clock, c.query('ROLLBACK'), timeoutMs, 'ROLLBACK')
  const status = transactionStatusOf(c)
  if (status === 'in-transaction' || status === 'failed')
    throw new Error(`the connection is still ${status} after ROLLBACK`)
}

/** A polite close; failures (the socket may already be gone) are ignored. */
export function closeQuietly(c: PoolConnection): Promise<void> {
  try {
    return c.end().catch(() => undefined)
  } catch {
    return Promise.resolve()
  }
}

/** Closes at once (shutdown, terminate): `destroy()` when the driver has it, else `end()`. */
export function destroyQuietly(c: PoolConnection): Promise<void> {
  if (c.destroy) {
    try {
      c.destroy()
    } catch {
      // already gone
    }
    return Promise.resolve()
  }
  return closeQuietly(c)
}
