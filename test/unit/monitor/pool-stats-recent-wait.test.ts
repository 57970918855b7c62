/**
 * PoolStats' wait percentiles (what the Overview charts and the history sink get) are the pool's
 * recent ones (last ~10 s), not percentiles since connect.
 */
import { describe, expect, it } from 'vitest'
import { poolStatsOf } from '../../../src/main/engine/monitor/pool-warm-up'
import { makePool } from '../../helpers/pool-stubs'

describe('PoolStats wait percentiles', () => {
  it('follow the last 10 s of acquires', async () => {
    const { pool, clock } = makePool({ min: 1, max: 1 })
    await pool.start()
    const held = await pool.acquire()
    const waiting = pool.acquire()
    await clock.advance(500)
    held.release()
    ;(await waiting).release()
    expect(poolStatsOf(pool).waitP99Ms).toBeGreaterThanOrEqual(500)
    for (let s = 0; s < 12; s++) {
      await clock.advance(1_000)
      ;(await pool.acquire()).release()
      poolStatsOf(pool)
    }
    expect(poolStatsOf(pool)).toMatchObject({ waitP50Ms: 0, waitP95Ms: 0, waitP99Ms: 0 })
    await pool.shutdown()
  })
})
