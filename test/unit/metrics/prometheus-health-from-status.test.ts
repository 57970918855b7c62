import { describe, expect, it } from 'vitest'
import type { HealthView, ProfileStatus } from '../../../src/shared/domain'
import { prometheusHealthFromStatus } from '../../../src/main/engine/metrics/prometheus-text'

const health: HealthView = {
  level: 'warning',
  reasons: ['slow'],
  latencyMs: 42.5,
  consecutiveFailures: 0,
  backoffStep: 0,
  nextAttemptAt: null,
  breaker: 'half-open',
  unreachableSince: null,
  errorClass: null,
}

function status(state: ProfileStatus['state'], h: HealthView | null): ProfileStatus {
  return {
    profileId: 'p',
    state,
    pool: null,
    serverVersion: null,
    error: null,
    since: 0,
    health: h,
    poolState: null,
    drain: null,
  }
}

describe('prometheus health input from a ProfileStatus', () => {
  it('is up only while connected and carries level, latency and breaker from the health view', () => {
    expect(prometheusHealthFromStatus(status('connected', health), 7)).toEqual({
      up: true,
      level: 'warning',
      latencyMs: 42.5,
      breaker: 'half-open',
      attempts: 7,
    })
    for (const state of ['connecting', 'failed', 'disconnecting'] as const) {
      expect(prometheusHealthFromStatus(status(state, health), 1).up).toBe(false)
    }
  })

  it('has no level, latency or breaker while disconnected', () => {
    expect(prometheusHealthFromStatus(status('disconnected', null), 3)).toEqual({
      up: false,
      level: null,
      latencyMs: null,
      breaker: null,
      attempts: 3,
    })
  })
})
