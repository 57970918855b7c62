import { describe, expect, it } from 'vitest'
import { LevelTracker, type Assessment } from '../../../src/main/engine/health/health-level'
import { healthDefaults } from '../../../src/main/engine/health/health-settings'
import type { HealthLevel } from '../../../src/shared/domain'
import { CheckerHarness, fastProbe } from './support/checker-harness'

const seen = (level: HealthLevel): Assessment => ({
  level,
  reasons: level === 'healthy' ? [] : [level],
})

function levelsAfter(tracker: LevelTracker, probes: HealthLevel[]): HealthLevel[] {
  return probes.map((l) => {
    tracker.observe(seen(l))
    return tracker.value.level
  })
}

describe('level hysteresis (LevelTracker)', () => {
  it('ignores a single bad probe, gets worse after 2 in a row and better after 3 in a row', () => {
    const t = new LevelTracker(healthDefaults)
    expect(levelsAfter(t, ['warning', 'healthy', 'warning', 'warning'])).toEqual([
      'healthy',
      'healthy',
      'healthy',
      'warning',
    ])
    expect(
      levelsAfter(t, ['healthy', 'healthy', 'warning', 'healthy', 'healthy', 'healthy']),
    ).toEqual(['warning', 'warning', 'warning', 'warning', 'warning', 'healthy'])
  })

  it('takes worseAfterProbes and betterAfterProbes from the settings', () => {
    const t = new LevelTracker({ ...healthDefaults, worseAfterProbes: 4, betterAfterProbes: 1 })
    expect(levelsAfter(t, ['critical', 'critical', 'critical', 'critical', 'healthy'])).toEqual([
      'healthy',
      'healthy',
      'healthy',
      'critical',
      'healthy',
    ])
  })

  it('reports a change only when the level or its reasons change; force() sets it at once', () => {
    const t = new LevelTracker(healthDefaults)
    expect(t.observe(seen('healthy'))).toBe(false)
    expect(t.observe(seen('critical'))).toBe(false)
    expect(t.observe(seen('critical'))).toBe(true)
    expect(t.observe({ level: 'critical', reasons: ['other reason'] })).toBe(true)
    expect(t.value.reasons).toEqual(['other reason'])
    expect(t.force('warning', ['state'])).toBe(true)
    expect(t.force('warning', ['state'])).toBe(false)
    // force() also forgets a streak in progress.
    t.observe(seen('healthy'))
    t.observe(seen('healthy'))
    t.force('warning', ['state'])
    expect(levelsAfter(t, ['healthy', 'healthy'])).toEqual(['warning', 'warning'])
  })

  it('gets worse when every probe is bad even if they disagree on how bad', () => {
    // Latency hovering around the critical threshold: warning, critical, warning, critical ...
    const t = new LevelTracker(healthDefaults)
    expect(levelsAfter(t, ['warning', 'critical'])).toEqual(['healthy', 'warning'])
    expect(levelsAfter(t, ['critical', 'critical'])).toEqual(['warning', 'critical'])
    // ... and better when every probe is better, as far as all of them agree.
    expect(levelsAfter(t, ['healthy', 'warning', 'healthy'])).toEqual([
      'critical',
      'critical',
      'warning',
    ])
  })
})

describe('level hysteresis in a checker', () => {
  it('one slow probe does not change the level shown; two do; three fast ones bring it back', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    const latencies = [3, 400, 3, 400, 400, 3, 3, 3]
    const shown: string[] = []
    for (const ms of latencies) {
      h.probeAnswer = fastProbe(ms)
      await h.clock.advance(h.settings.probeIntervalMs)
      shown.push(h.checker.view().level)
    }
    expect(shown).toEqual([
      'healthy',
      'healthy',
      'healthy',
      'healthy',
      'warning',
      'warning',
      'warning',
      'healthy',
    ])
    expect(h.checker.view().latencyMs).toBe(3)
  })

  it('latency alternating around 1 s (every probe at least warning) does not stay healthy', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    for (const ms of [990, 1_010, 990, 1_010]) {
      h.probeAnswer = fastProbe(ms)
      await h.clock.advance(h.settings.probeIntervalMs)
    }
    expect(h.checker.view().level).toBe('warning')
    expect(h.checker.view().reasons[0]).toMatch(/probe took/)
  })
})
