import { describe, expect, it } from 'vitest'
import { makePool } from '../../helpers/pool-stubs'

/** Random values handed out in order: per connection, lifetime jitter then keepalive jitter. */
const sequence = (values: number[]) => () => values.shift() ?? 0

describe('max lifetime', () => {
  const options = { min: 3, max: 3, maxLifetimeMs: 100_000, idleTimeoutMs: 0, keepaliveMs: 0 }

  it('retires connections at their jittered lifetime, not all at once, and refills', async () => {
    const { pool, clock, factory } = makePool(options, {
      random: sequence([0, 0.4, 0.8]), // 100000, 99000, 98000 ms
    })
    const retiredAt: number[] = []
    pool.on('removed', (e) => {
      if (e.reason === 'max-lifetime') retiredAt.push(clock.now())
    })
    await pool.start()
    await clock.advance(97_999)
    expect(retiredAt).toEqual([])
    await clock.advance(2_001)
    expect(retiredAt).toEqual([98_000, 99_000, 100_000])
    expect(pool.stats().total).toBe(3)
    expect(factory.made).toHaveLength(6)
  })

  it('shortens lifetimes by at most 2.5 %', async () => {
    const { pool, clock } = makePool(options, { random: () => 0.999_999 })
    let first: number | undefined
    pool.on('removed', () => (first ??= clock.now()))
    await pool.start()
    await clock.advance(97_499)
    expect(first).toBeUndefined()
    await clock.advance(2)
    expect(first).toBe(97_501) // 100000 - floor(2499.9975)
  })

  it('retires a connection that expired in use when it is released', async () => {
    const { pool, clock, factory } = makePool({ ...options, min: 1, max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    await clock.advance(100_000)
    expect(factory.made[0]!.ended).toBe(false)
    lease.release()
    expect(factory.made[0]!.ended).toBe(true)
    expect(pool.metrics().counters.removals['max-lifetime']).toBe(1)
    const next = await pool.acquire()
    expect(next.connection).toBe(factory.made[1])
    next.release()
  })
})
