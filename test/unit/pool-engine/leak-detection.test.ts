import { describe, expect, it } from 'vitest'
import type { PoolEvents } from '../../../src/main/engine/pool/engine/pool-events'
import { makePool } from '../../helpers/pool-stubs'

describe('leak detection', () => {
  it("with leakSiteCapture 'always', reports a connection held too long, with holder, pid, acquire site and time held", async () => {
    const { pool, clock } = makePool({ max: 1, leakDetectionMs: 2_000, leakSiteCapture: 'always' })
    const leaks: Array<PoolEvents['leak']> = []
    const resolved: Array<PoolEvents['leak-resolved']> = []
    pool.on('leak', (e) => leaks.push(e))
    pool.on('leak-resolved', (e) => resolved.push(e))
    await pool.start()
    const lease = await pool.acquire({ holder: 'nightly report' })
    await clock.advance(1_999)
    expect(leaks).toEqual([])
    await clock.advance(500)
    expect(leaks).toHaveLength(1)
    const leak = leaks[0]!
    expect(leak).toMatchObject({ connectionId: 1, backendPid: 1000, holder: 'nightly report' })
    expect(leak.heldMs).toBeGreaterThanOrEqual(2_000)
    expect(leak.heldMs).toBeLessThanOrEqual(2_500)
    // the caller's frames, not the pool's
    expect(leak.site.split('\n')[0]).toContain('leak-detection.test.ts')
    expect(leak.site).not.toMatch(/engine[/\\]pool\.ts/)
    await clock.advance(10_000)
    expect(leaks).toHaveLength(1) // reported once
    lease.release()
    expect(resolved).toEqual([
      { connectionId: 1, backendPid: 1000, holder: 'nightly report', heldMs: 12_499 },
    ])
    expect(pool.metrics().counters.leaks).toBe(1)
  })

  it('is silent for short holds and when off', async () => {
    for (const leakDetectionMs of [2_000, 0]) {
      const { pool, clock } = makePool({ max: 1, leakDetectionMs })
      let leaks = 0
      pool.on('leak', () => leaks++)
      await pool.start()
      for (let i = 0; i < 5; i++) {
        const lease = await pool.acquire()
        await clock.advance(leakDetectionMs === 0 ? 60_000 : 1_500)
        lease.release()
      }
      expect(leaks).toBe(0)
    }
  })

  it("with leakSiteCapture 'after-first-leak', captures sites only after a leak", async () => {
    const { pool, clock } = makePool({
      max: 1,
      leakDetectionMs: 2_000,
      leakSiteCapture: 'after-first-leak',
    })
    const sites: string[] = []
    pool.on('leak', (e) => sites.push(e.site))
    await pool.start()
    for (let i = 0; i < 2; i++) {
      const lease = await pool.acquire()
      await clock.advance(3_000)
      lease.release()
    }
    expect(sites[0]).toMatch(/not captured/)
    expect(sites[1]).toContain('leak-detection.test.ts')
  })
})
