/**
 * A drain can finish while the load lab holds a planted leak: the drain stops the workload, which
 * gives its leak back at once; resume starts the workload again.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { stubMonitor } from './support'

let h: ReturnType<typeof stubMonitor>
afterEach(async () => h.close())

describe('drain and the load lab', () => {
  it('drains despite a planted leak held for a minute, and resumes the workload', async () => {
    h = stubMonitor()
    const p = h.monitor.saveProfile(undefined, h.draft('prod'))
    await h.monitor.connect(p.id)
    h.monitor.setWorkload(p.id, {
      enabled: true,
      clients: 2,
      ratePerSecond: 4,
      query: 'select-1',
      sleepMs: 0,
      leakEverySeconds: 1,
      leakHoldMs: 60_000,
    })
    await h.clock.advance(1_500)
    expect(h.monitor.getWorkload(p.id)).toMatchObject({ running: true, leaksHeld: 1 })
    const before = h.monitor.getWorkload(p.id).completed
    expect(before).toBeGreaterThanOrEqual(5)

    const answer = h.monitor.drain(p.id, {})
    expect(answer.drain!.inUseAtStart).toBeGreaterThanOrEqual(1)
    await h.clock.advance(100)
    const status = h.monitor.snapshot().statuses[0]!
    expect(status).toMatchObject({
      state: 'connected',
      poolState: 'drained',
      drain: { phase: 'drained' },
    })
    expect(h.monitor.getWorkload(p.id)).toMatchObject({ running: false, leaksHeld: 0 })

    h.monitor.resume(p.id)
    await h.clock.advance(10)
    // Started again, its counters from zero.
    expect(h.monitor.getWorkload(p.id).running).toBe(true)
    expect(h.monitor.getWorkload(p.id).completed).toBeLessThan(before)
    await h.clock.advance(2_000)
    expect(h.monitor.getWorkload(p.id).completed).toBeGreaterThan(4)
  })
})
