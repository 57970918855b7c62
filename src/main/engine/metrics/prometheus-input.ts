/**
 * What the Prometheus export takes (prometheus-text.ts): plain data, so it is testable without a
 * pool. A caller builds it from the pool's metrics() snapshot, PoolMetrics.histogramBuckets at
 * `prometheusBucketBoundsMs`, and the profile's status.
 */
import type { BreakerState, HealthLevel, ProfileStatus } from '../../../shared/domain'
import type { CumulativeBuckets } from '../pool/engine/histogram'
import type { PoolCounters, PoolGauges } from '../pool/engine/pool-metrics'
import type { PrometheusQueueInput } from './prometheus-queue'

/** Upper bounds (ms) to read the pool histograms at: .001 .005 ... 30 s. */
export const prometheusBucketBoundsMs: readonly number[] = [
  1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000,
]

/** What the caller passes for one pool: a PoolMetricsSnapshot's gauges and counters plus buckets. */
export interface PrometheusPoolInput {
  gauges: Pick<PoolGauges, 'total' | 'active' | 'idle' | 'waiting' | 'max' | 'min'>
  counters: Pick<PoolCounters, 'acquires' | 'timeouts' | 'leaks' | 'creates' | 'createFailures'> & {
    /** Connections removed, by reason (PoolCounters.removals). */
    removals?: Readonly<Record<string, number>>
  }
  /** E.g. PoolMetrics.histogramBuckets(prometheusBucketBoundsMs). */
  histograms: Record<'acquireWait' | 'usage' | 'creation', CumulativeBuckets>
}

export interface PrometheusHealthInput {
  /** The profile is connected (its database answers). */
  up: boolean
  /** Null while disconnected: the level series is left out. */
  level: HealthLevel | null
  /** Last successful probe's round trip, ms; null leaves the series out. */
  latencyMs: number | null
  /** Null while disconnected (reported as closed). */
  breaker: BreakerState | null
  /** Connection attempts since the profile was first connected (monotonic). */
  attempts: number
}

export interface PrometheusProfileInput {
  id: string
  name: string
  /** Null when the profile has no pool (disconnected): the pool series are left out. */
  pool: PrometheusPoolInput | null
  health: PrometheusHealthInput
  /** The profile's write queue (lifeguard_queue_*); absent leaves those series out. */
  queue?: PrometheusQueueInput | null
}

/** The health part from a profile's status (`attempts` kept by the caller). */
export function prometheusHealthFromStatus(
  status: ProfileStatus,
  attempts: number,
): PrometheusHealthInput {
  return {
    up: status.state === 'connected',
    level: status.health?.level ?? null,
    latencyMs: status.health?.latencyMs ?? null,
    breaker: status.health?.breaker ?? null,
    attempts,
  }
}
