import { describe, expect, it } from 'vitest'
import { makePool } from '../../helpers/pool-stubs'

describe('broken connections', () => {
  it('removes a dead idle connection, never hands it out, and refills to min', async () => {
    const { pool, factory } = makePool({ min: 2, max: 2 })
    await pool.start()
    const dead = factory.made[0]!
    dead.emitError() // would crash the process without a listener
    expect(pool.stats()).toMatchObject({ total: 1 })
    await Promise.resolve()
    expect(pool.stats()).toMatchObject({ total: 2, idle: 2 })
    const leases = [await pool.acquire(), await pool.acquire()]
    expect(leases.map((l) => l.connection)).not.toContain(dead)
    expect(pool.metrics().counters.removals.broken).toBe(1)
    for (const l of leases) l.release()
  })

  it('removes a connection that dies in use; its release is then a no-op', async () => {
    const { pool, factory } = makePool({ min: 1, max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    factory.made[0]!.emitError('terminating connection due to administrator command')
    await Promise.resolve()
    expect(pool.stats()).toMatchObject({ total: 1, active: 0, idle: 1 })
    expect(() => lease.release()).not.toThrow()
    expect(pool.stats()).toMatchObject({ total: 1, active: 0, idle: 1 })
    const next = await pool.acquire()
    expect(next.connection).toBe(factory.made[1])
    next.release()
  })

  it('removes a connection released with the error that broke it', async () => {
    const { pool, factory } = makePool({ min: 1, max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    lease.release(new Error('Connection terminated'))
    expect(factory.made[0]!.destroyed).toBe(true)
    const next = await pool.acquire()
    expect(next.connection).toBe(factory.made[1])
    next.release({ error: new Error('again') })
    expect(pool.metrics().counters.removals.broken).toBe(2)
  })
})
