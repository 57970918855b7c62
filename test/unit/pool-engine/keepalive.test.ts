import { describe, expect, it } from 'vitest'
import { makePool } from '../../helpers/pool-stubs'

describe('keepalive', () => {
  const options = { min: 2, max: 2, keepaliveMs: 30_000 }

  it('checks idle connections with SELECT 1 and replaces a dead one', async () => {
    const { pool, clock, factory } = makePool(options)
    await pool.start()
    const [dead, alive] = factory.made
    dead!.failQueries = /SELECT 1/
    await clock.advance(29_999)
    expect(alive!.queries).toEqual([])
    await clock.advance(1)
    expect(alive!.queries).toEqual(['SELECT 1'])
    expect(dead!.ended || dead!.destroyed).toBe(true)
    expect(pool.metrics().counters.removals['validation-failed']).toBe(1)
    expect(pool.stats()).toMatchObject({ total: 2, idle: 2 })
    expect(factory.made).toHaveLength(3)
  })

  it('removes a connection whose check never answers, after validationTimeoutMs', async () => {
    const { pool, clock, factory } = makePool({ ...options, validationTimeoutMs: 5_000 })
    await pool.start()
    factory.made[0]!.hangQueries = /SELECT 1/
    await clock.advance(30_000)
    expect(pool.stats()).toMatchObject({ total: 2, validating: 1, idle: 1 })
    await clock.advance(5_000)
    expect(factory.made[0]!.destroyed).toBe(true)
    expect(pool.stats()).toMatchObject({ total: 2, validating: 0, idle: 2 })
  })

  it('leaves connections in use alone', async () => {
    const { pool, clock, factory } = makePool({ ...options, min: 1, max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    await clock.advance(30_000)
    expect(factory.made[0]!.queries).toEqual([])
    lease.release()
  })
})
