/** Counters and histograms of one pool (gauges are read live from the pool, see `PoolGauges`). */
import { Histogram, type CumulativeBuckets, type HistogramSnapshot } from './histogram'
import type { PartitionGauges } from './partitions'
import { removalReasons, type RemovalReason } from './pool-events'

export interface PoolGauges {
  total: number
  active: number
  idle: number
  /** Connections being checked (keepalive, validation on acquire) or reset after release. */
  validating: number
  waiting: number
  pendingCreates: number
  max: number
  min: number
  /** Per partition (present only when the pool has partitions). */
  partitions?: Record<string, PartitionGauges>
}

export interface PoolCounters {
  acquires: number
  releases: number
  timeouts: number
  creates: number
  createFailures: number
  leaks: number
  removals: Record<RemovalReason, number>
}

export interface PoolMetricsSnapshot {
  gauges: PoolGauges
  counters: PoolCounters
  histograms: {
    acquireWait: HistogramSnapshot
    usage: HistogramSnapshot
    creation: HistogramSnapshot
  }
}

/** The three histograms as cumulative buckets at fixed bounds (for Prometheus export). */
export interface PoolHistogramBuckets {
  acquireWait: CumulativeBuckets
  usage: CumulativeBuckets
  creation: CumulativeBuckets
}

export class PoolMetrics {
  acquires = 0
  releases = 0
  timeouts = 0
  creates = 0
  createFailures = 0
  leaks = 0
  readonly removals = Object.fromEntries(removalReasons.map((r) => [r, 0])) as Record<
    RemovalReason,
    number
  >
  readonly acquireWait = new Histogram()
  readonly usage = new Histogram()
  readonly creation = new Histogram()

  counters(): PoolCounters {
    return {
      acquires: this.acquires,
      releases: this.releases,
      timeouts: this.timeouts,
      creates: this.creates,
      createFailures: this.createFailures,
      leaks: this.leaks,
      removals: { ...this.removals },
    }
  }

  snapshot(gauges: PoolGauges): PoolMetricsSnapshot {
    return {
      gauges,
      counters: this.counters(),
      histograms: {
        acquireWait: this.acquireWait.snapshot(),
        usage: this.usage.snapshot(),
        creation: this.creation.snapshot(),
      },
    }
  }

  /** Cumulative bucket counts of the three histograms at `boundsMs` (ascending). */
  histogramBuckets(boundsMs: readonly number[]): PoolHistogramBuckets {
    return {
      acquireWait: this.acquireWait.cumulative(boundsMs),
      usage: this.usage.cumulative(boundsMs),
      creation: this.creation.cumulative(boundsMs),
    }
  }
}
