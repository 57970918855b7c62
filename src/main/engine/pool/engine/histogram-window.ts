/**
 * Percentiles of a histogram's recent records: what the last ~10 s looked like, not the average
 * since the pool started (which decays too slowly to show a spike). Fixed memory: a ring of bucket
 * snapshots, one taken every `stepMs` when read (windowMs / stepMs + 1 of them, 464 counts each);
 * a read compares the histogram now with the oldest snapshot that is at most `windowMs` old, so the
 * window spans between windowMs - stepMs and windowMs (8 to 10 s by default) once reads come at
 * least every stepMs. Reads that came less often than that compare with the newest older snapshot
 * (a longer window, never an empty one by mistake). Records made before the window was created
 * count as recent until windowMs after that. No timers: time is read from `now`.
 */
import { HISTOGRAM_BUCKETS, type Histogram } from './histogram'

export interface RecentPercentiles {
  /** Records in the window. */
  count: number
  /** ms; 0 when the window has no record. */
  p50: number
  p95: number
  p99: number
}

interface Snapshot {
  at: number
  total: number
  readonly counts: Float64Array
}

export const RECENT_WINDOW_MS = 10_000
export const RECENT_STEP_MS = 2_000

const FRACTIONS = [0.5, 0.95, 0.99] as const

export class HistogramWindow {
  private readonly ring: Snapshot[]
  /** Index of the newest snapshot in `ring`. */
  private newest = 0
  private taken = 0

  constructor(
    private readonly histogram: Histogram,
    private readonly now: () => number,
    private readonly windowMs = RECENT_WINDOW_MS,
    private readonly stepMs = RECENT_STEP_MS,
  ) {
    const size = Math.ceil(windowMs / stepMs) + 1
    this.ring = Array.from({ length: size }, () => ({
      at: -Infinity,
      total: 0,
      counts: new Float64Array(HISTOGRAM_BUCKETS),
    }))
    // The first baseline is empty: records made before the window existed count as recent
    // until a later snapshot is the baseline (windowMs on).
    const first = this.ring[0]!
    first.at = now()
    this.taken = 1
  }

  read(): RecentPercentiles {
    const now = this.now()
    if (now - this.ring[this.newest]!.at >= this.stepMs) this.take(now)
    const base = this.baseline(now)
    const { count, values } = this.histogram.percentilesSince(base.counts, base.total, FRACTIONS)
    return { count, p50: values[0]!, p95: values[1]!, p99: values[2]! }
  }

  private take(now: number): void {
    if (this.taken > 0) this.newest = (this.newest + 1) % this.ring.length
    const slot = this.ring[this.newest]!
    slot.at = now
    slot.total = this.histogram.count
    this.histogram.copyCounts(slot.counts)
    this.taken++
  }

  /** The oldest snapshot at most windowMs old other than one taken just now, else the newest older one. */
  private baseline(now: number): Snapshot {
    const n = this.ring.length
    const filled = Math.min(this.taken, n)
    let best: Snapshot | undefined
    // From the oldest filled slot to the newest.
    for (let i = filled - 1; i >= 0; i--) {
      const s = this.ring[(this.newest - i + n) % n]!
      if (now - s.at <= this.windowMs) {
        best = s
        break
      }
    }
    if (best && (best.at < now || filled === 1)) return best
    // Every other snapshot is older than the window: the newest of those.
    const previous = this.ring[(this.newest - 1 + n) % n]!
    return filled > 1 ? previous : this.ring[this.newest]!
  }
}
