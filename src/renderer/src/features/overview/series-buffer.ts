/**
 * A profile's metrics over one time range, as the Overview charts it: main's history
 * (metrics:get-history) with the live samples (pool:stats-changed) folded in at the range's
 * resolution, the same way main folds them (gauges and counters keep the slot's last value;
 * `waiting` and the wait percentiles its maximum). Bounded by the range's window.
 */
import type { HistoryRange, MetricsSeries } from '../../../../shared/cockpit'
import type { PoolStats } from '../../../../shared/domain'

export interface RangeSpec {
  windowMs: number
  resolutionMs: number
  /** Two points further apart than this are not joined by a line (an outage, a disconnect). */
  gapMs: number
  label: string
}

export const rangeSpecs: Record<HistoryRange, RangeSpec> = {
  '5m': { windowMs: 300_000, resolutionMs: 1_000, gapMs: 5_000, label: '5 min' },
  '1h': { windowMs: 3_600_000, resolutionMs: 1_000, gapMs: 5_000, label: '1 h' },
  '24h': { windowMs: 86_400_000, resolutionMs: 60_000, gapMs: 150_000, label: '24 h' },
}

export interface SlotPoint {
  /** Start of the slot, wall ms. */
  at: number
  stats: PoolStats
}

/** Two samples in one slot: last value for gauges and counters, maximum for waits. */
export function foldStats(earlier: PoolStats, later: PoolStats): PoolStats {
  return {
    ...later,
    waiting: Math.max(earlier.waiting, later.waiting),
    waitP50Ms: Math.max(earlier.waitP50Ms, later.waitP50Ms),
    waitP95Ms: Math.max(earlier.waitP95Ms, later.waitP95Ms),
    waitP99Ms: Math.max(earlier.waitP99Ms, later.waitP99Ms),
  }
}

export class SeriesBuffer {
  readonly spec: RangeSpec
  #points: SlotPoint[] = []

  constructor(readonly range: HistoryRange) {
    this.spec = rangeSpecs[range]
  }

  /** Oldest first, strictly increasing `at`. */
  get points(): readonly SlotPoint[] {
    return this.#points
  }

  slotOf(at: number): number {
    return Math.floor(at / this.spec.resolutionMs) * this.spec.resolutionMs
  }

  /**
   * main's history replaces what is known up to its end; live samples newer than its last slot
   * stay (they arrived while the request was on its way).
   */
  loadHistory(series: MetricsSeries): void {
    const history = series.points.map((p) => ({ at: p.at, stats: p.stats }))
    const lastAt = history.at(-1)?.at ?? -Infinity
    const newer = this.#points.filter((p) => p.at > lastAt)
    const last = history.at(-1)
    const sameSlot = this.#points.find((p) => p.at === lastAt)
    if (last && sameSlot)
      history[history.length - 1] = { at: last.at, stats: foldStats(last.stats, sameSlot.stats) }
    this.#points = [...history, ...newer]
  }

  /** One live sample, folded into its slot. Out-of-order samples older than the last slot are dropped. */
  addSample(at: number, stats: PoolStats): void {
    const slot = this.slotOf(at)
    const last = this.#points.at(-1)
    if (last && slot < last.at) return
    if (last && slot === last.at)
      this.#points[this.#points.length - 1] = { at: slot, stats: foldStats(last.stats, stats) }
    else this.#points.push({ at: slot, stats })
  }

  /** Drops what fell out of the window. */
  trim(now: number): void {
    const from = now - this.spec.windowMs
    let drop = 0
    while (drop < this.#points.length && (this.#points[drop]?.at ?? Infinity) < from) drop++
    if (drop > 0) this.#points = this.#points.slice(drop)
  }
}

/** A chart point; y null breaks the line (Chart.js with spanGaps off). */
export interface XY {
  x: number
  y: number | null
}

export interface ChartSeries {
  total: XY[]
  active: XY[]
  idle: XY[]
  waiting: XY[]
  p50: XY[]
  p95: XY[]
  p99: XY[]
  /** Acquires per second, from the counter's deltas. */
  acquiresPerSecond: XY[]
  /** Timeouts per slot of the range's resolution (per second, or per minute for 24 h). */
  timeouts: XY[]
}

const gaugeKeys = ['total', 'active', 'idle', 'waiting'] as const
const waitKeys = [
  ['p50', 'waitP50Ms'],
  ['p95', 'waitP95Ms'],
  ['p99', 'waitP99Ms'],
] as const

/**
 * The charts' lines from the slots: a null point after every gap so no line crosses an outage;
 * rates from counter deltas, none across a gap or a counter reset (a reconnect starts at 0).
 */
export function chartSeries(points: readonly SlotPoint[], spec: RangeSpec): ChartSeries {
  const out: ChartSeries = {
    total: [],
    active: [],
    idle: [],
    waiting: [],
    p50: [],
    p95: [],
    p99: [],
    acquiresPerSecond: [],
    timeouts: [],
  }
  const all = Object.values(out)
  let previous: SlotPoint | undefined
  for (const point of points) {
    const gap = previous !== undefined && point.at - previous.at > spec.gapMs
    if (gap && previous)
      for (const line of all) line.push({ x: previous.at + spec.resolutionMs, y: null })
    const s = point.stats
    for (const key of gaugeKeys) out[key].push({ x: point.at, y: s[key] })
    for (const [key, field] of waitKeys) out[key].push({ x: point.at, y: s[field] })
    const before = gap ? undefined : previous
    const dt = before ? (point.at - before.at) / 1000 : 0
    const acquires = before ? s.acquires - before.stats.acquires : -1
    const timeouts = before ? s.timeouts - before.stats.timeouts : -1
    out.acquiresPerSecond.push({ x: point.at, y: dt > 0 && acquires >= 0 ? acquires / dt : null })
    const perSlot = dt > 0 ? (dt * 1000) / spec.resolutionMs : 0
    out.timeouts.push({ x: point.at, y: perSlot > 0 && timeouts >= 0 ? timeouts / perSlot : null })
    previous = point
  }
  return out
}

/**
 * At most about 2 × `buckets` points for drawing: the x range cut into equal buckets, each
 * keeping its lowest and highest point in time order (peaks survive), gap markers kept as they
 * are. A line of up to `2 × buckets` points is passed through unchanged.
 */
export function downsample(points: readonly XY[], buckets: number): XY[] {
  if (points.length <= buckets * 2) return points.slice()
  const first = points[0]?.x ?? 0
  const last = points[points.length - 1]?.x ?? 0
  const width = (last - first) / buckets || 1
  const out: XY[] = []
  let bucket = -1
  let low: XY | undefined
  let high: XY | undefined
  const flush = () => {
    if (low && high) {
      if (low === high) out.push(low)
      else if (low.x < high.x) out.push(low, high)
      else out.push(high, low)
    }
    low = high = undefined
  }
  for (const p of points) {
    const b = Math.min(buckets - 1, Math.floor((p.x - first) / width))
    if (b !== bucket) {
      flush()
      bucket = b
    }
    if (p.y === null) {
      flush()
      out.push(p)
      continue
    }
    if (!low || low.y === null || p.y < low.y) low = p
    if (!high || high.y === null || p.y > high.y) high = p
  }
  flush()
  return out
}

/** Every line of a ChartSeries downsampled for drawing. */
export function drawable(series: ChartSeries, buckets: number): ChartSeries {
  const out = {} as ChartSeries
  for (const key of Object.keys(series) as (keyof ChartSeries)[])
    out[key] = downsample(series[key], buckets)
  return out
}
