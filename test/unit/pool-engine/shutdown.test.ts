import { describe, expect, it } from 'vitest'
import { makePool, track } from '../../helpers/pool-stubs'
import { flushPromises } from '../../helpers/fake-clock'

describe('shutdown', () => {
  it('rejects waiters, closes idle, destroys in-use, and ends closed', async () => {
    const { pool, clock, factory } = makePool({ min: 2, max: 2 })
    const states: string[] = []
    pool.on('state-changed', (e) => states.push(e.to))
    await pool.start()
    const lease = await pool.acquire()
    const other = await pool.acquire()
    other.release()
    const held = await pool.acquire()
    const waiter = track(pool.acquire())
    await pool.shutdown()
    await flushPromises()
    expect(waiter.error).toMatchObject({ code: 'pool-closed' })
    const [a, b] = factory.made
    expect(a!.destroyed || b!.destroyed).toBe(true)
    expect(pool.state).toBe('closed')
    expect(states).toEqual(['running', 'closing', 'closed'])
    await expect(lease.connection.query('SELECT 1')).rejects.toThrow(/not queryable/)
    expect(() => lease.release()).not.toThrow()
    expect(() => held.release()).not.toThrow()
    expect(pool.stats()).toMatchObject({ total: 0, active: 0, idle: 0, waiting: 0 })
    expect(pool.metrics().counters.removals.shutdown).toBe(2)
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'pool-closed' })
    await clock.advance(3_600_000)
    expect(clock.pendingTimers).toBe(0) // every background job stopped
  })

  it('closes an idle pool politely and is idempotent', async () => {
    const { pool, factory } = makePool({ min: 2, max: 2 })
    await pool.start()
    await Promise.all([pool.shutdown(), pool.shutdown()])
    expect(factory.made.every((c) => c.ended && !c.destroyed)).toBe(true)
  })

  it('can interrupt a drain', async () => {
    const { pool } = makePool({ min: 1, max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    const drained = track(pool.drain())
    await pool.shutdown()
    await flushPromises()
    expect(drained.value).toBe('closed')
    lease.release()
  })
})

describe('shutdown with a connection that will not close', () => {
  it('finishes after validationTimeoutMs instead of hanging', async () => {
    const { pool, clock, factory } = makePool({ min: 1, max: 1, validationTimeoutMs: 1_000 })
    await pool.start()
    factory.made[0]!.end = () => new Promise<void>(() => undefined)
    const done = track(pool.shutdown())
    await clock.advance(999)
    expect(done.status).toBe('pending')
    await clock.advance(1)
    expect(done.status).toBe('resolved')
    expect(pool.state).toBe('closed')
  })
})
