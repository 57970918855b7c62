import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../helpers/fake-clock'
import { makePool, track } from '../../helpers/pool-stubs'

describe('concurrent creation cap', () => {
  it('opens at most maxConcurrentCreates connections at a time', async () => {
    const { pool, factory } = makePool({ max: 10, maxConcurrentCreates: 2 })
    await pool.start()
    factory.hold()
    const waiters = Array.from({ length: 6 }, () => track(pool.acquire()))
    await flushPromises()
    expect(factory.calls).toBe(2)
    expect(pool.stats()).toMatchObject({ pendingCreates: 2, waiting: 6 })
    factory.finishOne()
    await flushPromises()
    expect(factory.calls).toBe(3)
    expect(waiters.filter((w) => w.status === 'resolved')).toHaveLength(1)
    factory.finishAll()
    await flushPromises()
    expect(waiters.every((w) => w.status === 'resolved')).toBe(true)
    expect(factory.calls).toBe(6)
    expect(factory.maxInFlight).toBe(2)
  })

  it('applies the cap at start-up too', async () => {
    const { pool, factory } = makePool({ min: 5, max: 5, maxConcurrentCreates: 2 })
    factory.hold()
    const started = track(pool.start())
    await flushPromises()
    expect(factory.calls).toBe(2)
    factory.finishAll()
    await flushPromises()
    expect(started.status).toBe('resolved')
    expect(factory.made).toHaveLength(5)
    expect(factory.maxInFlight).toBeLessThanOrEqual(2)
  })

  it('does not open more than waiters need', async () => {
    const { pool, factory } = makePool({ max: 10, maxConcurrentCreates: 5 })
    await pool.start()
    factory.hold()
    const w = track(pool.acquire())
    await flushPromises()
    expect(factory.calls).toBe(1)
    factory.finishAll()
    await flushPromises()
    expect(w.status).toBe('resolved')
  })
})
