/**
 * Each start moves by up to a quarter period around its schedule, at random: the load is not a
 * fixed pattern (a once-a-second sample of the pool sees it in different phases), yet the
 * schedule does not drift, so the rate holds for any random source.
 */
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../health/support/mulberry32'
import { settings, workloadOnPool } from './support'

describe('workload jitter', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: the rate holds within 10 %% over 30 s', async (seed) => {
    const h = await workloadOnPool({}, 0, mulberry32(seed))
    h.workload.configure(settings({ clients: 5, ratePerSecond: 6 }))
    h.workload.setCanRun(true)
    await h.clock.advance(30_000)
    expect(h.workload.status().completed).toBeGreaterThanOrEqual(162)
    expect(h.workload.status().completed).toBeLessThanOrEqual(198)
    h.workload.dispose()
  })

  it('the pool seen once a second is not always in the same phase', async () => {
    // The local demo's shape: 5 clients, 6/s, 300 ms queries.
    const sample = async (random: () => number) => {
      const h = await workloadOnPool({}, (text) => (/pg_sleep/.test(text) ? 300 : 0), random)
      h.workload.configure(settings({ clients: 5, ratePerSecond: 6, query: 'sleep', sleepMs: 300 }))
      h.workload.setCanRun(true)
      // Sampled off the starts' boundaries (they fall on sixths of a second).
      await h.clock.advance(2_050)
      const seen = new Set<number>()
      for (let i = 0; i < 30; i++) {
        await h.clock.advance(1_000)
        seen.add(h.pool.stats().active)
      }
      h.workload.dispose()
      return seen.size
    }
    // Without jitter (0.5 is the middle), once-a-second samples always catch the same count...
    expect(await sample(() => 0.5)).toBe(1)
    // ...with it, they see the load move.
    expect(await sample(mulberry32(11))).toBeGreaterThanOrEqual(2)
  })
})
