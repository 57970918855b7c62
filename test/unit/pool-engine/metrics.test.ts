import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../helpers/fake-clock'
import { makePool, track } from '../../helpers/pool-stubs'

describe('pool metrics', () => {
  it('reports gauges without ever swapping active and idle', async () => {
    const { pool, factory } = makePool({ min: 0, max: 3 })
    await pool.start()
    const a = await pool.acquire()
    const b = await pool.acquire()
    const c = await pool.acquire()
    c.release()
    expect(pool.stats()).toEqual({
      total: 3,
      active: 2,
      idle: 1,
      validating: 0,
      waiting: 0,
      pendingCreates: 0,
      max: 3,
      min: 0,
    })
    const d = await pool.acquire()
    factory.hold()
    track(pool.acquire())
    await flushPromises()
    expect(pool.stats()).toMatchObject({ total: 3, active: 3, idle: 0, waiting: 1 })
    a.release()
    b.release()
    await flushPromises()
    expect(pool.stats()).toMatchObject({ total: 3, active: 2, idle: 1, waiting: 0 })
    d.release()
    expect(pool.stats()).toMatchObject({ active: 1, idle: 2 })
  })

  it('counts acquires, releases, timeouts, creates, failures and removals by reason', async () => {
    const { pool, clock, factory } = makePool({ min: 0, max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    const timedOut = track(pool.acquire({ timeoutMs: 10 }))
    await clock.advance(10)
    expect(timedOut.status).toBe('rejected')
    lease.release(new Error('broken'))
    factory.failWith(new Error('down'))
    const w = track(pool.acquire({ timeoutMs: 100 }))
    await clock.advance(100)
    expect(w.status).toBe('rejected')
    const { counters } = pool.metrics()
    expect(counters).toMatchObject({
      acquires: 1,
      releases: 1,
      timeouts: 2,
      creates: 1,
      createFailures: 1,
      leaks: 0,
    })
    expect(counters.removals).toEqual({
      'idle-timeout': 0,
      'max-lifetime': 0,
      broken: 1,
      'validation-failed': 0,
      'reset-failed': 0,
      drain: 0,
      shutdown: 0,
    })
  })

  it('records acquire wait, hold time and creation time histograms', async () => {
    const { pool, clock, factory } = makePool({ min: 0, max: 1 })
    await pool.start()
    factory.hold()
    const first = track(pool.acquire())
    await clock.advance(40)
    factory.finishAll()
    await flushPromises()
    const lease = first.value!
    await clock.advance(100)
    const waiter = track(pool.acquire())
    await clock.advance(50)
    lease.release()
    await flushPromises()
    await clock.advance(300)
    waiter.value!.release()
    for (let i = 0; i < 98; i++) (await pool.acquire()).release()
    const { histograms } = pool.metrics()
    expect(histograms.creation).toMatchObject({ count: 1, max: 40 })
    expect(histograms.usage).toMatchObject({ count: 100, max: 300, p50: 0 })
    expect(histograms.usage.p99).toBeGreaterThanOrEqual(150) // the 99th of 100 is the 150 ms hold
    expect(histograms.usage.p99).toBeLessThanOrEqual(150 * 1.0625)
    expect(histograms.acquireWait).toMatchObject({ count: 100, max: 50 })
    expect(histograms.acquireWait.p99).toBeGreaterThanOrEqual(40)
  })
})
