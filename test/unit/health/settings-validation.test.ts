import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import {
  healthDefaults,
  resolveHealthSettings,
  type HealthSettings,
} from '../../../src/main/engine/health/health-settings'

function rejection(input: Record<string, unknown>): LifeguardError {
  try {
    resolveHealthSettings(input as Partial<HealthSettings>)
  } catch (error) {
    expect(error).toBeInstanceOf(LifeguardError)
    return error as LifeguardError
  }
  throw new Error(`accepted ${JSON.stringify(input)}`)
}

describe('resolveHealthSettings()', () => {
  it('gives the defaults, and applies valid overrides', () => {
    expect(resolveHealthSettings()).toEqual(healthDefaults)
    expect(resolveHealthSettings()).not.toBe(healthDefaults)
    const s = resolveHealthSettings({ backoffBaseMs: 500, permanentRetry: 'never' })
    expect(s).toEqual({ ...healthDefaults, backoffBaseMs: 500, permanentRetry: 'never' })
  })

  it('rejects bad values with a validation error naming the setting', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [
        { backoffCapMs: 500, backoffBaseMs: 1_000 },
        /backoffCapMs \(500\) must be at least backoffBaseMs \(1000\)/,
      ],
      [{ backoffBaseMs: -1 }, /backoffBaseMs \(-1\) must be at least/],
      [{ unavailableAfterMs: -30_000 }, /unavailableAfterMs/],
      [{ probeIntervalMs: Number.NaN }, /probeIntervalMs/],
      [{ backoffFactor: Number.NaN }, /backoffFactor/],
      [{ probeTimeoutMs: Number.POSITIVE_INFINITY }, /probeTimeoutMs/],
      [{ backoffJitter: 0.6 }, /backoffJitter must be at most 0.5/],
      [{ backoffJitter: -0.1 }, /backoffJitter must be at least 0/],
      [{ probeIntervalMs: 2_000.5 }, /probeIntervalMs .* whole number/],
      [{ failuresBeforeFailed: 0 }, /failuresBeforeFailed must be at least 1/],
      [{ permanentRetry: 'sometimes' }, /permanentRetry must be 'cap' or 'never'/],
      [
        { latencyWarningMs: 2_000, latencyCriticalMs: 1_000 },
        /latencyCriticalMs .* latencyWarningMs/,
      ],
      [{ probeEveryMs: 5 }, /probeEveryMs/],
      [{ timelineSize: '200' }, /timelineSize must be a number/],
    ]
    for (const [input, message] of cases) {
      const error = rejection(input)
      expect(error.code, JSON.stringify(input)).toBe('validation')
      expect(error.message, JSON.stringify(input)).toMatch(message)
      expect(error.message).toMatch(/^invalid health settings: /)
    }
  })

  it('names every bad setting at once', () => {
    const message = rejection({ backoffJitter: 2, timelineSize: 0 }).message
    expect(message).toMatch(/backoffJitter/)
    expect(message).toMatch(/timelineSize/)
  })

  it('changes nothing when it rejects: defaults and input stay as they were', () => {
    const defaultsBefore = structuredClone(healthDefaults)
    const input = { backoffBaseMs: 2_000, backoffCapMs: 1_000 }
    const inputBefore = { ...input }
    rejection(input)
    expect(healthDefaults).toEqual(defaultsBefore)
    expect(input).toEqual(inputBefore)
    expect(resolveHealthSettings()).toEqual(defaultsBefore)
  })
})
