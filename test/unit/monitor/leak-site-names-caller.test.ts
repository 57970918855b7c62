/**
 * A leak's acquire site names the code that took the connection: the first leak already has one
 * (the profile's pool records every lease's site), and it starts at the caller of the session's
 * acquire (here the load lab's planted leak), not at Lifeguard's ProfileSession.acquire or the pool.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { stubMonitor } from './support'

let h: ReturnType<typeof stubMonitor>
afterEach(async () => h.close())

describe('the acquire site of a leak', () => {
  it("starts at the caller's frame, from the first leak on", async () => {
    h = stubMonitor()
    const p = h.monitor.saveProfile(undefined, h.draft('prod'))
    await h.monitor.connect(p.id)
    h.monitor.setWorkload(p.id, {
      enabled: true,
      clients: 1,
      ratePerSecond: 1,
      query: 'select-1',
      sleepMs: 0,
      leakEverySeconds: 1,
      leakHoldMs: 120_000,
    })
    // The pool's default leak threshold is 30 s.
    await h.clock.advance(32_000)
    const leaks = h.monitor.listEvents(p.id, { kinds: ['leak'] }).events
    expect(leaks.length).toBeGreaterThanOrEqual(1)
    const first = leaks.at(-1)!
    const site = String(first.data['site'])
    const frames = site.split('\n')
    expect(frames[0]).toMatch(/^at (async )?Workload\.plantLeak /)
    expect(site).not.toMatch(/ProfileSession\.acquire|ConnectionPool\.acquire|unknown/)
  })
})
