import { describe, expect, it } from 'vitest'
import { makePool } from '../../helpers/pool-stubs'

describe('validation on acquire', () => {
  it('is skipped when the connection was used within the last 500 ms', async () => {
    const { pool, clock, factory } = makePool({ min: 1, max: 1 })
    await pool.start()
    const c = factory.made[0]!
    ;(await pool.acquire()).release()
    await clock.advance(499)
    ;(await pool.acquire()).release()
    expect(c.queries).toEqual([])
    await clock.advance(500)
    const lease = await pool.acquire()
    expect(c.queries).toEqual(['SELECT 1'])
    expect(lease.connection).toBe(c)
    lease.release()
  })

  it('replaces a connection that fails it, and the caller gets a good one', async () => {
    const { pool, clock, factory } = makePool({ min: 1, max: 1 })
    await pool.start()
    factory.made[0]!.failQueries = /SELECT 1/
    await clock.advance(1_000)
    const lease = await pool.acquire()
    expect(lease.connection).toBe(factory.made[1])
    expect(pool.metrics().counters.removals['validation-failed']).toBe(1)
    lease.release()
  })

  it('can be turned off', async () => {
    const { pool, clock, factory } = makePool({ min: 1, max: 1, validateOnAcquire: false })
    await pool.start()
    await clock.advance(10_000)
    ;(await pool.acquire()).release()
    expect(factory.made[0]!.queries).toEqual([])
  })
})
