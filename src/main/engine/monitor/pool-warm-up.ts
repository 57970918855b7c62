/** Helpers of a profile session's pool: its live figures, and the wait for a warm pool at connect. */
import type { PoolStats } from '../../../shared/domain'
import type { Clock } from '../core/clock'
import type { ConnectionPool } from '../pool/engine'

/**
 * The pool's gauges and counters as the contract carries them (PoolStats); the wait percentiles
 * are of the last ~10 s of acquires (the pool's recentAcquireWait), so a chart shows a spike now.
 */
export function poolStatsOf(pool: ConnectionPool): PoolStats {
  const { gauges: g, counters: c } = pool.metrics()
  const recent = pool.recentAcquireWait()
  return {
    total: g.total,
    active: g.active,
    idle: g.idle,
    waiting: g.waiting,
    max: g.max,
    min: g.min,
    pendingCreates: g.pendingCreates,
    acquires: c.acquires,
    timeouts: c.timeouts,
    leaks: c.leaks,
    waitP50Ms: recent.p50,
    waitP95Ms: recent.p95,
    waitP99Ms: recent.p99,
  }
}

/**
 * Waits (bounded) until the pool holds `min` connections, so "connected" means a warm pool; a
 * failure to open one ends the wait early (the health checker deals with it).
 */
export function warmUp(
  pool: ConnectionPool,
  min: number,
  timeoutMs: number,
  clock: Clock,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const warm = () => pool.metrics().gauges.total >= min
    if (warm()) return resolve()
    const offs: Array<() => void> = []
    const done = () => {
      clock.clearTimeout(timer)
      for (const off of offs) off()
      resolve()
    }
    const timer = clock.setTimeout(done, timeoutMs)
    offs.push(pool.on('created', () => warm() && done()))
    offs.push(pool.on('create-failed', done))
    offs.push(pool.on('state-changed', done))
  })
}
