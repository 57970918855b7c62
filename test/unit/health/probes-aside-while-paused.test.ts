/**
 * While the pool is paused (draining or drained) the probes run aside, on a connection of their
 * own, on the same interval; a pool probe that the pause caught in flight is not counted and a
 * probe aside follows at once; an aside probe that fails is a failure like any other; resuming
 * probes through the pool at once, or as soon as a probe aside in flight ends.
 * Fake clock: every time below is exact.
 */
import { describe, expect, it } from 'vitest'
import type { ProbeResult } from '../../../src/main/engine/health/health-checker'
import { CheckerHarness, down, fastProbe } from './support/checker-harness'

describe('probes while the pool is paused', () => {
  it('go aside on the probe interval and back through the pool, at once, on resume', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    await h.clock.advance(2_000)
    expect(h.probeCalls.map((c) => c.at)).toEqual([2_000])
    await h.clock.advance(500)
    h.checker.pausePoolProbes()
    await h.clock.advance(6_000)
    expect(h.asideCalls.map((c) => c.at)).toEqual([4_500, 6_500, 8_500])
    expect(h.asideCalls.every((c) => c.timeoutMs === h.settings.probeTimeoutMs)).toBe(true)
    expect(h.probeCalls).toHaveLength(1)
    expect(h.checker.view().latencyMs).toBe(3)

    h.checker.resumePoolProbes()
    await h.clock.advance(0)
    await h.clock.advance(2_000)
    expect(h.probeCalls.map((c) => c.at)).toEqual([2_000, 8_500, 10_500])
    expect(h.asideCalls).toHaveLength(3)
    expect(h.state).toBe('connected')
  })

  it('a pool probe caught in flight is not counted; a probe aside follows at once', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    let refuse: (error: Error) => void = () => undefined
    h.probeAnswer = () => new Promise<ProbeResult>((_, reject) => (refuse = reject))
    await h.clock.advance(2_000)
    h.checker.pausePoolProbes()
    await h.clock.advance(300)
    expect(h.asideCalls).toEqual([])
    refuse(new Error('the pool is draining'))
    await h.clock.advance(0)
    expect(h.asideCalls.map((c) => c.at)).toEqual([2_300])
    expect(h.state).toBe('connected')
    expect(h.records.filter((r) => r.outcome === 'failure')).toEqual([])
    await h.clock.advance(2_000)
    expect(h.asideCalls.map((c) => c.at)).toEqual([2_300, 4_300])
  })

  it('a resume during a probe aside probes through the pool as that probe ends', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    h.checker.pausePoolProbes()
    let answer: (r: ProbeResult) => void = () => undefined
    h.asideAnswer = () => new Promise<ProbeResult>((resolve) => (answer = resolve))
    await h.clock.advance(2_000)
    expect(h.asideCalls.map((c) => c.at)).toEqual([2_000])
    h.checker.resumePoolProbes()
    await h.clock.advance(400)
    expect(h.probeCalls).toEqual([])
    answer({ latencyMs: 4, server: null })
    await h.clock.advance(0)
    expect(h.probeCalls.map((c) => c.at)).toEqual([2_400])
    await h.clock.advance(2_000)
    expect(h.probeCalls.map((c) => c.at)).toEqual([2_400, 4_400])
    expect(h.asideCalls).toHaveLength(1)
  })

  it('an aside probe that fails counts: connecting, then failed at the first reconnect', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    h.checker.pausePoolProbes()
    h.asideAnswer = down('connection-refused')
    h.attemptAnswer = down('connection-refused')
    await h.clock.advance(2_000)
    expect(h.state).toBe('connecting')
    await h.clock.advance(1_000)
    expect(h.state).toBe('failed')
    expect(h.records.map((r) => [r.trigger, r.outcome])).toEqual([
      ['startup', 'success'],
      ['probe', 'failure'],
      ['scheduled', 'failure'],
    ])
    // Back while still paused: connected, and the probes stay aside.
    h.attemptAnswer = () => Promise.resolve({ serverVersion: '17.2' })
    h.asideAnswer = fastProbe()
    await h.clock.advance(2_000)
    expect(h.state).toBe('connected')
    const aside = h.asideCalls.length
    await h.clock.advance(2_000)
    expect(h.asideCalls).toHaveLength(aside + 1)
    expect(h.probeCalls).toEqual([])
  })
})
