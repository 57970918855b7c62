/** The shapes of the metrics history: what goes in each second, what comes out per range. */
import type { HealthLevel, PoolStats } from '../../../shared/domain'

/** One observation of a profile, taken by the caller (about once a second). */
export interface MetricsSampleInput {
  /** Wall-clock ms when it was taken (the caller's clock; the history never reads the time). */
  at: number
  stats: PoolStats
  /** Round trip of the last successful health probe, ms; null when there is none. */
  latencyMs: number | null
  /** Null while the profile has no health checker (disconnected). */
  level: HealthLevel | null
}

/**
 * One slot of a series: a second (ranges 5m and 1h) or a minute (24h). Every sample that fell
 * into the slot is folded in: gauges and monotonic counters keep the last value; `waiting` and
 * `waitP99Ms` keep the maximum; latency is the mean of the samples that had one, with its min and
 * max; `level` is the worst level seen.
 */
export interface MetricsPoint {
  /** Wall-clock ms at the start of the slot. */
  at: number
  stats: PoolStats
  latencyMs: number | null
  latencyMinMs: number | null
  latencyMaxMs: number | null
  level: HealthLevel | null
  /** How many samples were folded into this slot. */
  samples: number
}

export const historyRanges = ['5m', '1h', '24h'] as const
export type HistoryRange = (typeof historyRanges)[number]

export interface RangeSpec {
  windowMs: number
  resolutionMs: number
}

/** 5 min and 1 h come from the 1-second ring, 24 h from the 1-minute ring. */
export const rangeSpecs: Readonly<Record<HistoryRange, RangeSpec>> = {
  '5m': { windowMs: 5 * 60_000, resolutionMs: 1000 },
  '1h': { windowMs: 60 * 60_000, resolutionMs: 1000 },
  '24h': { windowMs: 24 * 60 * 60_000, resolutionMs: 60_000 },
}

export interface MetricsSeries {
  profileId: string
  range: HistoryRange
  resolutionMs: number
  /** The window is (from, to]: wall ms. */
  from: number
  to: number
  /** Oldest first, strictly increasing `at`; slots with no sample are absent (gaps). */
  points: MetricsPoint[]
}
