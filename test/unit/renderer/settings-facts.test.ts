import { describe, expect, it } from 'vitest'
import {
  exactDuration,
  settingFacts,
} from '../../../src/renderer/src/features/settings/settings-tab'

const effective = {
  poolMax: 10,
  poolMin: 2,
  acquireTimeoutMs: 30_000,
  probeIntervalMs: 2_000,
  probeTimeoutMs: 2_000,
  unavailableAfterMs: 30_000,
  idleInTransactionAlertMs: 60_000,
  longQueryWarningMs: 120_000,
  longQueryCriticalMs: 300_000,
}

describe('Settings tab facts', () => {
  it('lists every setting, marks defaults, and reads durations as durations', () => {
    const facts = settingFacts({
      settings: { poolMax: 20 },
      effectiveSettings: { ...effective, poolMax: 20 },
    })
    expect(facts).toHaveLength(9)
    expect(facts[0]).toEqual({ key: 'poolMax', label: 'Pool max', value: '20', isDefault: false })
    expect(facts.find((f) => f.key === 'acquireTimeoutMs')).toEqual({
      key: 'acquireTimeoutMs',
      label: 'Acquire timeout',
      value: '30 s',
      isDefault: true,
    })
    expect(facts.find((f) => f.key === 'longQueryCriticalMs')?.value).toBe('5 min')
  })

  it('lists only the overrides when the sender gives no effective values', () => {
    const facts = settingFacts({ settings: { probeTimeoutMs: 1_500 } })
    expect(facts).toEqual([
      {
        key: 'probeTimeoutMs',
        label: 'Probe timeout',
        value: '1,500 ms',
        isDefault: false,
      },
    ])
  })
})

describe('exact durations of configured times', () => {
  it('uses the largest unit that divides the value', () => {
    expect([0, 999, 1000, 1500, 59_000, 60_000, 90_000, 3_600_000].map(exactDuration)).toEqual([
      '0 ms',
      '999 ms',
      '1 s',
      '1,500 ms',
      '59 s',
      '1 min',
      '90 s',
      '60 min',
    ])
  })
})
