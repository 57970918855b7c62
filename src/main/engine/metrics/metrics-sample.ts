/** The shapes of the metrics history: what goes in each second, what comes out per range. */
import type { HealthLevel, PoolStats } from '../../../shared/domain'
import type { HistoryRange } from '../../../shared/cockpit'

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

export type { HistoryRange, MetricsPoint, MetricsSeries } from '../../../shared/cockpit'
export { historyRanges } from '../../../shared/cockpit'

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
