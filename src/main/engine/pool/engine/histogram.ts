/**
 * A fixed-bucket log-linear histogram of durations, O(1) per record with no allocation (it sits on
 * the acquire/release hot path). Values are kept in microseconds: below 16 µs every value has its
 * own bucket; above, each power of two is split into 16 sub-buckets, so a reported percentile is
 * at most 1/16 (6.25 %) above the true value. The maximum is exact. Percentiles are computed only
 * when a snapshot is taken (a scan of 464 buckets).
 */
const SUB_BITS = 4
const SUB = 1 << SUB_BITS // 16
const MAX_VALUE = 0xffffffff // ~71.6 minutes in µs; larger values land in the last bucket
const BUCKETS = SUB + (32 - SUB_BITS) * SUB // 464

/** How many buckets a histogram has (the length of the array `copyCounts` fills). */
export const HISTOGRAM_BUCKETS = BUCKETS

/**
 * Cumulative counts at fixed upper bounds (Prometheus-style buckets), read from the log-linear
 * buckets. A bound that falls inside a bucket counts that whole bucket, so `counts[i]` includes
 * every record <= `boundsMs[i]` and may include records up to 6.25 % above it (exact below 16 µs).
 */
export interface CumulativeBuckets {
  /** Upper bounds in ms, ascending. */
  boundsMs: number[]
  /** Records at or below each bound (non-decreasing, each <= count). */
  counts: number[]
  count: number
  /** Sum of all records in ms (µs-rounded, values beyond ~71.6 minutes clamped). */
  sumMs: number
}

export interface HistogramSnapshot {
  count: number
  /** Milliseconds. */
  mean: number
  p50: number
  p95: number
  p99: number
  max: number
}

function bucketOf(us: number): number {
  if (us < SUB) return us
  const exponent = 31 - Math.clz32(us) // >= SUB_BITS
  const sub = (us >>> (exponent - SUB_BITS)) & (SUB - 1)
  return SUB + (exponent - SUB_BITS) * SUB + sub
}

/** The highest value (µs) that falls into `bucket`. */
function upperOf(bucket: number): number {
  if (bucket < SUB) return bucket
  const exponent = Math.floor((bucket - SUB) / SUB) + SUB_BITS
  const sub = (bucket - SUB) % SUB
  return (SUB + sub + 1) * 2 ** (exponent - SUB_BITS) - 1
}

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS)
  private total = 0
  private sumUs = 0
  private maxUs = 0

  /** Records one duration in milliseconds (negative values count as 0). */
  record(ms: number): void {
    let us = ms > 0 ? Math.round(ms * 1000) : 0
    if (us > MAX_VALUE) us = MAX_VALUE
    this.counts[bucketOf(us)]! += 1
    this.total++
    this.sumUs += us
    if (us > this.maxUs) this.maxUs = us
  }

  get count(): number {
    return this.total
  }

  /** Sum of all records, ms. */
  get sumMs(): number {
    return this.sumUs / 1000
  }

  /** Cumulative counts at `boundsMs` (ascending, finite, >= 0); see `CumulativeBuckets`. */
  cumulative(boundsMs: readonly number[]): CumulativeBuckets {
    const counts: number[] = []
    let seen = 0
    let next = 0 // first bucket not yet added to `seen`
    let previous = -Infinity
    for (const bound of boundsMs) {
      if (!(bound >= 0) || !Number.isFinite(bound) || bound <= previous) {
        throw new RangeError(`histogram bounds must be finite, >= 0 and ascending (got ${bound})`)
      }
      previous = bound
      // +1e-6 absorbs binary fractions such as 4.35 * 1000 = 4349.999...
      const last = bucketOf(Math.min(Math.floor(bound * 1000 + 1e-6), MAX_VALUE))
      for (; next <= last; next++) seen += this.counts[next]!
      counts.push(seen)
    }
    return { boundsMs: [...boundsMs], counts, count: this.total, sumMs: this.sumUs / 1000 }
  }

  /** The value (ms) at or below which `fraction` (0..1] of the records fall. */
  percentile(fraction: number): number {
    if (this.total === 0) return 0
    const rank = Math.max(1, Math.ceil(fraction * this.total))
    let seen = 0
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b]!
      if (seen >= rank) return Math.min(upperOf(b), this.maxUs) / 1000
    }
    return this.maxUs / 1000
  }

  /** Copies the bucket counts into `into` (length HISTOGRAM_BUCKETS), for `percentilesSince`. */
  copyCounts(into: Float64Array): void {
    into.set(this.counts)
  }

  /**
   * The values (ms) at or below which each of `fractions` (ascending, 0..1]) of the records made
   * since `earlier` fall: `earlier` holds the counts `copyCounts` gave then, `earlierTotal` the
   * count then. All 0 when nothing was recorded since. Bucket precision as `percentile`.
   */
  percentilesSince(
    earlier: Float64Array,
    earlierTotal: number,
    fractions: readonly number[],
  ): { count: number; values: number[] } {
    const count = this.total - earlierTotal
    const values = fractions.map(() => 0)
    if (count <= 0) return { count: Math.max(0, count), values }
    const ranks = fractions.map((f) => Math.max(1, Math.ceil(f * count)))
    let next = 0
    let seen = 0
    for (let b = 0; b < BUCKETS && next < ranks.length; b++) {
      seen += this.counts[b]! - earlier[b]!
      while (next < ranks.length && seen >= ranks[next]!)
        values[next++] = Math.min(upperOf(b), this.maxUs) / 1000
    }
    for (; next < ranks.length; next++) values[next] = this.maxUs / 1000
    return { count, values }
  }

  snapshot(): HistogramSnapshot {
    return {
      count: this.total,
      mean: this.total === 0 ? 0 : this.sumUs / this.total / 1000,
      p50: this.percentile(0.5),
      p95: this.percentile(0.95),
      p99: this.percentile(0.99),
      max: this.maxUs / 1000,
    }
  }

  reset(): void {
    this.counts.fill(0)
    this.total = 0
    this.sumUs = 0
    this.maxUs = 0
  }
}
