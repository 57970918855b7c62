import { describe, expect, it } from 'vitest'
import { assess, worse, type ProbeObservation } from '../../../src/main/engine/health/health-level'
import { healthDefaults as s } from '../../../src/main/engine/health/health-settings'

const calm: ProbeObservation = {
  latencyMs: 3,
  pool: { waiting: 0, max: 10 },
  server: { used: 10, available: 100 },
}
const level = (o: Partial<ProbeObservation>) => assess({ ...calm, ...o }, s).level

describe('assess(): the level one probe suggests', () => {
  it('grades latency at the warning and critical thresholds (250 ms, 1 s)', () => {
    expect(level({ latencyMs: s.latencyWarningMs - 0.1 })).toBe('healthy')
    expect(level({ latencyMs: s.latencyWarningMs })).toBe('warning')
    expect(level({ latencyMs: s.latencyCriticalMs - 0.1 })).toBe('warning')
    expect(level({ latencyMs: s.latencyCriticalMs })).toBe('critical')
  })

  it('grades callers waiting for a pool connection: warning from one, critical at the pool max', () => {
    expect(level({ pool: { waiting: 0, max: 4 } })).toBe('healthy')
    expect(level({ pool: { waiting: 1, max: 4 } })).toBe('warning')
    expect(level({ pool: { waiting: 3, max: 4 } })).toBe('warning')
    expect(level({ pool: { waiting: 4, max: 4 } })).toBe('critical')
    expect(level({ pool: null })).toBe('healthy')
  })

  it('grades server connection saturation at 80 % and 95 %, ignoring unknown limits', () => {
    expect(level({ server: { used: 79, available: 100 } })).toBe('healthy')
    expect(level({ server: { used: 80, available: 100 } })).toBe('warning')
    expect(level({ server: { used: 95, available: 100 } })).toBe('critical')
    expect(level({ server: { used: 5, available: 0 } })).toBe('healthy')
    expect(level({ server: null })).toBe('healthy')
  })

  it('takes the worst level and gives every reason', () => {
    const a = assess(
      { latencyMs: 300, pool: { waiting: 2, max: 2 }, server: { used: 85, available: 100 } },
      s,
    )
    expect(a.level).toBe('critical')
    expect(a.reasons).toEqual([
      'probe took 300 ms (warning at 250 ms)',
      '2 callers are waiting for a pool connection (pool max 2)',
      'server connections at 85 % (85 of 100)',
    ])
    expect(assess({ ...calm, latencyMs: 1_500 }, s).reasons).toEqual([
      'probe took 1.5 s (critical at 1.0 s)',
    ])
    expect(assess(calm, s)).toEqual({ level: 'healthy', reasons: [] })
    expect(worse('warning', 'critical')).toBe('critical')
    expect(worse('warning', 'healthy')).toBe('warning')
  })

  it('follows thresholds from the settings', () => {
    const strict = { ...s, latencyWarningMs: 10, latencyCriticalMs: 20, waitingWarning: 3 }
    expect(assess({ ...calm, latencyMs: 15 }, strict).level).toBe('warning')
    expect(assess({ ...calm, latencyMs: 20 }, strict).level).toBe('critical')
    expect(assess({ ...calm, pool: { waiting: 2, max: 10 } }, strict).level).toBe('healthy')
  })
})
