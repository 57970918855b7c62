/**
 * The load lab paces its clients on the injected clock: the achieved total rate is within 10 % of
 * the target, with instant queries and with queries that take most of a client's period; a query
 * slower than its period lowers the rate instead of causing a catch-up burst.
 */
import { describe, expect, it } from 'vitest'
import { settings, workloadOnPool } from './support'

describe('workload pacing', () => {
  it.each([
    ['SELECT 1, 4 clients at 20/s', settings({ clients: 4, ratePerSecond: 20 }), 0],
    ['SELECT 1, 1 client at 3/s', settings({ clients: 1, ratePerSecond: 3 }), 0],
    [
      'pg_sleep 150 ms, 5 clients at 25/s (each client busy 75 % of its period)',
      settings({ clients: 5, ratePerSecond: 25, query: 'sleep', sleepMs: 150 }),
      150,
    ],
  ])('%s: within 10 %% of the target', async (_name, s, queryMs) => {
    const h = await workloadOnPool({}, queryMs)
    h.workload.configure(s)
    h.workload.setCanRun(true)
    await h.clock.advance(30_000)
    const status = h.workload.status()
    const expected = s.ratePerSecond * 30
    expect(status.completed).toBeGreaterThanOrEqual(expected * 0.9)
    expect(status.completed).toBeLessThanOrEqual(expected * 1.1)
    expect(status.achievedRatePerSecond).toBeGreaterThanOrEqual(s.ratePerSecond * 0.9)
    expect(status.achievedRatePerSecond).toBeLessThanOrEqual(s.ratePerSecond * 1.1)
    expect(status.failed).toBe(0)
    h.workload.dispose()
  })

  it('runs the chosen query through the pool', async () => {
    const h = await workloadOnPool()
    h.workload.configure(settings({ clients: 2, ratePerSecond: 4, query: 'sleep', sleepMs: 250 }))
    h.workload.setCanRun(true)
    await h.clock.advance(2_000)
    const sleeps = h.factory.made.flatMap((c) =>
      c.queries.map((q, i) => [q, c.params[i]] as const).filter(([q]) => /pg_sleep/.test(q)),
    )
    expect(sleeps.length).toBeGreaterThan(0)
    expect(sleeps[0]).toEqual(['SELECT pg_sleep($1)', [0.25]])
    h.workload.dispose()
  })

  it('a query slower than its period lowers the rate, and no burst follows when it is fast again', async () => {
    // 2 clients at 10/s: a period of 200 ms each, but for 10 s every query takes 500 ms.
    let slow = true
    const h = await workloadOnPool({}, () => (slow ? 500 : 0))
    h.workload.configure(settings({ clients: 2, ratePerSecond: 10 }))
    h.workload.setCanRun(true)
    await h.clock.advance(10_000)
    const slowCompleted = h.workload.status().completed
    // Back to back: 2 clients x 2 a second (the pool's validation of an idle connection is a
    // query too, so a little less).
    expect(slowCompleted).toBeGreaterThanOrEqual(30)
    expect(slowCompleted).toBeLessThanOrEqual(40)
    expect(h.pool.stats().active).toBeLessThanOrEqual(2)
    slow = false
    await h.clock.advance(1_000)
    // The schedule went on from "now", not from the starts it missed: about 10 in the next second.
    expect(h.workload.status().completed - slowCompleted).toBeLessThanOrEqual(12)
    h.workload.dispose()
  })
})
