/**
 * The pool's recent acquire-wait percentiles (recentAcquireWait): a caller that waited 300 ms for
 * a connection shows in p99 at once and no longer 12 s later, while the pool's metrics snapshot
 * (the cumulative histogram the Prometheus export reads) still holds it.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../helpers/fake-clock'
import { makePool } from '../../helpers/pool-stubs'

describe('recent acquire wait', () => {
  it('shows a wait now and forgets it after the window', async () => {
    const { pool, clock } = makePool({ min: 1, max: 1 })
    await pool.start()
    expect(pool.recentAcquireWait()).toEqual({ count: 0, p50: 0, p95: 0, p99: 0 })
    const held = await pool.acquire()
    const waiting = pool.acquire()
    await clock.advance(300)
    held.release()
    ;(await waiting).release()
    await flushPromises()
    const now = pool.recentAcquireWait()
    expect(now.count).toBe(2)
    expect(now.p99).toBeGreaterThanOrEqual(300)
    for (let s = 0; s < 12; s++) {
      await clock.advance(1_000)
      ;(await pool.acquire()).release()
      pool.recentAcquireWait()
    }
    const later = pool.recentAcquireWait()
    expect(later.p99).toBe(0)
    expect(later.count).toBeGreaterThan(0)
    expect(pool.metrics().histograms.acquireWait.max).toBeGreaterThanOrEqual(300)
    await pool.shutdown()
  })
})
