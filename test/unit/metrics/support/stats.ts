import type { PoolStats } from '../../../../src/shared/domain'
import type { MetricsSampleInput } from '../../../../src/main/engine/metrics/metrics-sample'

/** PoolStats whose every field is derived from `n`, so each sample is recognisable. */
export function statsFor(n: number): PoolStats {
  return {
    total: 10 + (n % 5),
    active: n % 7,
    idle: 3 + (n % 3),
    waiting: n % 4,
    max: 20,
    min: 2,
    pendingCreates: n % 2,
    acquires: 1000 + n * 3,
    timeouts: Math.floor(n / 10),
    leaks: Math.floor(n / 100),
    waitP50Ms: (n % 9) * 0.125,
    waitP95Ms: (n % 9) * 0.25,
    waitP99Ms: (n % 9) * 0.5,
  }
}

export function sampleAt(
  at: number,
  n: number,
  extra: Partial<MetricsSampleInput> = {},
): MetricsSampleInput {
  return { at, stats: statsFor(n), latencyMs: 1 + (n % 4) * 0.25, level: 'healthy', ...extra }
}
