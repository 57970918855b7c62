import { describe, expect, it } from 'vitest'
import { CheckerHarness } from './support/checker-harness'

describe('probes', () => {
  it('ask for server connection counts on the first probe and then every saturationEveryProbes', async () => {
    const h = new CheckerHarness({ settings: { saturationEveryProbes: 3 } })
    h.probeAnswer = (_timeoutMs, withCounts) =>
      Promise.resolve({ latencyMs: 2, server: withCounts ? { used: 90, available: 100 } : null })
    await h.checker.start()
    await h.clock.advance(7 * h.settings.probeIntervalMs)
    expect(h.probeCalls.map((p) => p.withServerCounts)).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ])
    expect(h.probeCalls.every((p) => p.timeoutMs === h.settings.probeTimeoutMs)).toBe(true)
    // The counts seen last keep counting between reads: 90 % is a warning (after 2 probes).
    expect(h.checker.view().level).toBe('warning')
    expect(h.checker.view().reasons).toEqual(['server connections at 90 % (90 of 100)'])
  })

  it('take callers waiting for the pool into the level', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    h.poolLoad = { waiting: 10, max: 10 }
    await h.clock.advance(2 * h.settings.probeIntervalMs)
    expect(h.checker.view().level).toBe('critical')
    expect(h.checker.view().latencyMs).toBe(3)
  })
})
