/**
 * A planted leak: every N seconds one connection is taken and held for leakHoldMs, then given
 * back, so the pool's leak detection reports it (leak) and its end (leak-resolved). The status
 * counts leaks planted and held.
 */
import { describe, expect, it } from 'vitest'
import type { PoolEvents } from '../../../src/main/engine/pool/engine'
import { PLANTED_LEAK_HOLDER } from '../../../src/main/engine/loadlab/workload-settings'
import { settings, workloadOnPool } from './support'

describe('planted leak', () => {
  it('holds one connection past the leak threshold, then gives it back', async () => {
    const h = await workloadOnPool({ leakDetectionMs: 2_000 })
    const leaks: PoolEvents['leak'][] = []
    const resolved: PoolEvents['leak-resolved'][] = []
    h.pool.on('leak', (e) => leaks.push(e))
    h.pool.on('leak-resolved', (e) => resolved.push(e))
    h.workload.configure(
      settings({ clients: 1, ratePerSecond: 1, leakEverySeconds: 10, leakHoldMs: 5_000 }),
    )
    h.workload.setCanRun(true)
    await h.clock.advance(9_900)
    expect(h.workload.status()).toMatchObject({ leaksPlanted: 0, leaksHeld: 0 })
    await h.clock.advance(200)
    expect(h.workload.status()).toMatchObject({ leaksPlanted: 1, leaksHeld: 1 })
    expect(h.reports.at(-1)).toMatchObject({ leaksHeld: 1 })

    await h.clock.advance(2_500)
    expect(leaks).toHaveLength(1)
    expect(leaks[0]!.holder).toBe(PLANTED_LEAK_HOLDER)
    expect(resolved).toHaveLength(0)

    await h.clock.advance(2_600)
    expect(resolved).toHaveLength(1)
    expect(resolved[0]!.heldMs).toBe(5_000)
    expect(h.workload.status()).toMatchObject({ leaksPlanted: 1, leaksHeld: 0 })
    // The next one comes 10 s after the first.
    await h.clock.advance(5_000)
    expect(h.workload.status()).toMatchObject({ leaksPlanted: 2, leaksHeld: 1 })
    h.workload.dispose()
  })
})
