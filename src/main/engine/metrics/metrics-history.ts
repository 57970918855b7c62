/**
 * Per-profile metrics history (issue 8 item 2): every sample goes into two bounded rings, one
 * slot a second for the last hour (3600 slots) and one slot a minute for the last day (1440
 * slots), so memory per profile is fixed from its first sample on and does not grow with uptime.
 *
 * Memory per profile at full: `MetricsHistory.bytesPerProfile` = (3600 + 1440) slots x 63 bytes
 * = 317,520 bytes (310.1 KiB) of typed arrays, allocated at the first sample (the pages are
 * touched as slots fill), plus a constant few KiB of JS objects (40 typed-array views and two
 * rings). 200 profiles: ~61 MiB.
 *
 * No clock inside: callers pass wall ms with each sample and with each query.
 */
import { LifeguardError } from '../core/errors'
import {
  rangeSpecs,
  type HistoryRange,
  type MetricsPoint,
  type MetricsSampleInput,
  type MetricsSeries,
} from './metrics-sample'
import { SampleRing } from './sample-ring'

export const SECOND_SLOTS = 3600
export const MINUTE_SLOTS = 1440

interface ProfileRings {
  seconds: SampleRing
  minutes: SampleRing
}

export class MetricsHistory {
  /** Typed-array bytes one profile holds (at full and from the first sample on). */
  static readonly bytesPerProfile =
    SampleRing.bytesFor(SECOND_SLOTS) + SampleRing.bytesFor(MINUTE_SLOTS)

  private readonly profiles = new Map<string, ProfileRings>()

  /** Adds one sample of `profileId` to both rings. */
  record(profileId: string, sample: MetricsSampleInput): void {
    if (!Number.isFinite(sample.at) || sample.at < 0) {
      throw new LifeguardError(
        'validation',
        `metrics sample time must be a finite wall-clock ms >= 0 (got ${sample.at})`,
      )
    }
    let rings = this.profiles.get(profileId)
    if (rings === undefined) {
      rings = {
        seconds: new SampleRing(rangeSpecs['1h'].resolutionMs, SECOND_SLOTS),
        minutes: new SampleRing(rangeSpecs['24h'].resolutionMs, MINUTE_SLOTS),
      }
      this.profiles.set(profileId, rings)
    }
    rings.seconds.add(sample)
    rings.minutes.add(sample)
  }

  /**
   * The points of `range` ending at `nowMs` (wall ms): slots starting in (now - window, now],
   * oldest first, at 1 s resolution for '5m' and '1h' and 1 min for '24h'. A profile with no
   * samples gives an empty series.
   */
  query(profileId: string, range: HistoryRange, nowMs: number): MetricsSeries {
    const spec = rangeSpecs[range]
    const from = nowMs - spec.windowMs
    const rings = this.profiles.get(profileId)
    const ring = rings === undefined ? undefined : range === '24h' ? rings.minutes : rings.seconds
    return {
      profileId,
      range,
      resolutionMs: spec.resolutionMs,
      from,
      to: nowMs,
      points: ring === undefined ? [] : ring.points(from, nowMs),
    }
  }

  /** The newest 1-second slot of a profile, or null. */
  latest(profileId: string): MetricsPoint | null {
    return this.profiles.get(profileId)?.seconds.newest() ?? null
  }

  /** Typed-array bytes held for a profile (0 when it has none). */
  byteLength(profileId: string): number {
    const rings = this.profiles.get(profileId)
    return rings === undefined ? 0 : rings.seconds.byteLength + rings.minutes.byteLength
  }

  has(profileId: string): boolean {
    return this.profiles.has(profileId)
  }

  profileIds(): string[] {
    return [...this.profiles.keys()]
  }

  /** Drops a profile's history (profile deleted). */
  forget(profileId: string): void {
    this.profiles.delete(profileId)
  }
}
