import { describe, expect, it } from 'vitest'
import { SAMPLER_HOLDER } from '../../../src/main/engine/sessions/session-sampler'
import { samplerHarness } from './support/sampler-harness'

describe('the sampler schedule (session-sampler.ts)', () => {
  it('samples at start, then every sampleIntervalMs, through the monitor partition', async () => {
    const h = samplerHarness()
    h.sampler.start()
    await h.clock.advance(0)
    expect(h.snapshots).toHaveLength(1)
    await h.clock.advance(1_999)
    expect(h.snapshots).toHaveLength(1)
    await h.clock.advance(1)
    expect(h.snapshots).toHaveLength(2)
    await h.clock.advance(2_000 * 3)
    expect(h.snapshots).toHaveLength(5)
    expect(h.acquirer.acquires[0]).toEqual({
      partition: 'monitor',
      holder: SAMPLER_HOLDER,
      timeoutMs: 1_500,
    })
    expect(h.acquirer.held).toBe(0)
    expect(h.acquirer.releases.every((r) => r.error === undefined)).toBe(true)
    h.sampler.stop()
  })

  it('stops: no more samples and no timer left behind', async () => {
    const h = samplerHarness()
    h.sampler.start()
    await h.clock.advance(2_000)
    const taken = h.snapshots.length
    h.sampler.stop()
    await h.clock.advance(60_000)
    expect(h.snapshots).toHaveLength(taken)
    expect(h.clock.pendingTimers).toBe(0)
  })

  it('never overlaps samples: a slow one delays the next, measured from its start', async () => {
    const h = samplerHarness()
    h.acquirer.holdAcquires = true
    h.sampler.start()
    await h.clock.advance(1_000) // the first sample still waits for its connection
    expect(h.acquirer.acquires).toHaveLength(1)
    h.acquirer.grant()
    await h.clock.advance(0)
    expect(h.snapshots).toHaveLength(1)
    h.acquirer.holdAcquires = false
    await h.clock.advance(999)
    expect(h.snapshots).toHaveLength(1)
    await h.clock.advance(1) // 2 s after the first sample began
    expect(h.snapshots).toHaveLength(2)
    expect(h.acquirer.acquires).toHaveLength(2)
    h.sampler.stop()
  })

  it('joins a sample in flight instead of starting a second one', async () => {
    const h = samplerHarness()
    h.acquirer.holdAcquires = true
    const a = h.sampler.sample()
    const b = h.sampler.sample()
    expect(a).toBe(b)
    h.acquirer.grant()
    await expect(a).resolves.toMatchObject({ samplerPid: 900 })
    expect(h.acquirer.acquires).toHaveLength(1)
  })

  it('reports the sampling query duration and marks the pool pids as own', async () => {
    const h = samplerHarness()
    const snap = await h.sampler.sample()
    expect(snap.sampleMs).toBe(0) // no time passes on the fake clock
    expect(snap.sessions.find((s) => s.pid === 101)?.own).toBe(true)
    expect(h.sampler.latest).toBe(snap)
  })
})
