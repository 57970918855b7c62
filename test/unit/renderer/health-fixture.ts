/** Domain values for the health tests: attempt records and health views. */
import type { AttemptRecord, HealthView } from '../../../src/shared/domain'

export const T0 = Date.UTC(2026, 0, 1, 9, 30, 0)

export function attempt(n: number, overrides: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    profileId: 'p1',
    attempt: n,
    trigger: 'scheduled',
    at: T0 + n * 10_000,
    scheduledDelayMs: 1_000 * 2 ** Math.max(0, n - 1),
    actualDelayMs: 1_000 * 2 ** Math.max(0, n - 1) + 20,
    durationMs: 12,
    outcome: 'failure',
    errorClass: 'transient',
    errorCode: 'connection-refused',
    message: 'connection refused by 127.0.0.1:5432',
    nextAttemptAt: null,
    ...overrides,
  }
}

export function healthView(overrides: Partial<HealthView> = {}): HealthView {
  return {
    level: 'healthy',
    reasons: [],
    latencyMs: 0.42,
    consecutiveFailures: 0,
    backoffStep: 0,
    nextAttemptAt: null,
    breaker: 'closed',
    unreachableSince: null,
    errorClass: null,
    ...overrides,
  }
}

/** A profile whose database stopped answering at T0 and is retried. */
export function outageView(overrides: Partial<HealthView> = {}): HealthView {
  return healthView({
    level: 'critical',
    reasons: ['connection refused by 127.0.0.1:5432'],
    latencyMs: null,
    consecutiveFailures: 3,
    backoffStep: 3,
    nextAttemptAt: T0 + 12_000,
    unreachableSince: T0 - 42_000,
    errorClass: 'transient',
    ...overrides,
  })
}
