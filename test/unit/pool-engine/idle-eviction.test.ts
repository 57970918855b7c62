import { describe, expect, it } from 'vitest'
import type { RemovalReason } from '../../../src/main/engine/pool/engine/pool-events'
import { makePool } from '../../helpers/pool-stubs'

describe('idle timeout', () => {
  it('closes idle connections above min, least recently used first, and never below min', async () => {
    const { pool, clock, factory } = makePool({
      min: 2,
      max: 5,
      idleTimeoutMs: 60_000,
      housekeepingMs: 10_000,
      keepaliveMs: 0,
    })
    const removed: Array<[number, RemovalReason]> = []
    pool.on('removed', (e) => removed.push([e.connectionId, e.reason]))
    await pool.start()
    const leases = await Promise.all(Array.from({ length: 5 }, () => pool.acquire()))
    expect(pool.stats().total).toBe(5)
    for (const l of leases) l.release()
    await clock.advance(50_000)
    expect(pool.stats().total).toBe(5)
    await clock.advance(20_000)
    expect(pool.stats()).toMatchObject({ total: 2, idle: 2 })
    expect(removed.map(([, r]) => r)).toEqual(['idle-timeout', 'idle-timeout', 'idle-timeout'])
    expect(factory.made.filter((c) => c.ended)).toHaveLength(3)
    await clock.advance(600_000)
    expect(pool.stats().total).toBe(2)
    expect(pool.metrics().counters.removals['idle-timeout']).toBe(3)
  })

  it('keeps a connection that was used recently', async () => {
    const { pool, clock } = makePool({
      min: 0,
      max: 2,
      idleTimeoutMs: 60_000,
      housekeepingMs: 10_000,
    })
    await pool.start()
    const [a, b] = await Promise.all([pool.acquire(), pool.acquire()])
    a!.release()
    await clock.advance(40_000)
    b!.release()
    await clock.advance(30_000)
    expect(pool.stats().total).toBe(1)
  })
})
