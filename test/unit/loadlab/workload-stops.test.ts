/**
 * The workload stops cleanly when the pool stops serving (drain, shutdown, disconnect): no new
 * acquires, planted leaks given back at once (so a drain can finish), failures after the stop not
 * counted; it starts again (counters from zero) when the pool serves again; switching it off stops
 * it too.
 */
import { describe, expect, it } from 'vitest'
import { settings, workloadOnPool } from './support'

describe('workload stop and start', () => {
  it('stops at once, gives planted leaks back, and lets a drain finish', async () => {
    const h = await workloadOnPool({ min: 2, max: 4 }, 300)
    h.workload.configure(
      settings({
        clients: 2,
        ratePerSecond: 5,
        query: 'sleep',
        sleepMs: 300,
        leakEverySeconds: 1,
        leakHoldMs: 60_000,
      }),
    )
    h.workload.setCanRun(true)
    await h.clock.advance(1_100)
    expect(h.workload.status()).toMatchObject({ running: true, leaksHeld: 1 })

    const drained = h.pool.drain()
    h.workload.setCanRun(false)
    expect(h.workload.status()).toMatchObject({ running: false, leaksHeld: 0 })
    const acquires = h.acquires
    await h.clock.advance(1_000)
    // Queries in flight finished and gave their connections back: the drain completed.
    expect(await drained).toBe('drained')
    expect(h.acquires).toBe(acquires)
    expect(h.workload.status().failed).toBe(0)
    expect(h.reports.at(-1)).toMatchObject({ running: false })
    expect(h.events.at(-1)?.message).toMatch(/^load lab paused/)
    // Nothing of the workload's is left to fire: a minute later it has still asked for nothing.
    await h.clock.advance(60_000)
    expect(h.acquires).toBe(acquires)
  })

  it('starts again with counters from zero when the pool serves again', async () => {
    const h = await workloadOnPool()
    h.workload.configure(settings({ clients: 1, ratePerSecond: 10 }))
    h.workload.setCanRun(true)
    await h.clock.advance(1_000)
    expect(h.workload.status().completed).toBeGreaterThan(5)
    h.workload.setCanRun(false)
    h.workload.setCanRun(true)
    expect(h.workload.status()).toMatchObject({ running: true, completed: 0, failed: 0 })
    await h.clock.advance(1_000)
    expect(h.workload.status().completed).toBeGreaterThan(5)
    h.workload.dispose()
  })

  it('switched off, it stops; a disabled workload never starts', async () => {
    const h = await workloadOnPool()
    h.workload.setCanRun(true)
    await h.clock.advance(1_000)
    expect(h.acquires).toBe(0)
    h.workload.configure(settings({ clients: 1, ratePerSecond: 10 }))
    await h.clock.advance(500)
    expect(h.acquires).toBeGreaterThan(0)
    const status = h.workload.configure(settings({ enabled: false }))
    expect(status.running).toBe(false)
    const acquires = h.acquires
    await h.clock.advance(1_000)
    expect(h.acquires).toBe(acquires)
    expect(h.events.map((e) => e.message)).toEqual([
      'load lab set: 1 clients, 10/s of SELECT 1',
      'load lab switched off',
    ])
  })

  it('failures are counted with the last error while the pool fails', async () => {
    const h = await workloadOnPool({ max: 1, min: 1, acquireTimeoutMs: 200 })
    const blocker = await h.pool.acquire()
    h.workload.configure(settings({ clients: 1, ratePerSecond: 2 }))
    h.workload.setCanRun(true)
    await h.clock.advance(2_000)
    const status = h.workload.status()
    expect(status.failed).toBeGreaterThan(0)
    expect(status.lastError).toMatchObject({ code: 'pool-exhausted' })
    blocker.release()
    h.workload.dispose()
  })
})
