/**
 * A fixed-size ring of aggregated sample slots at one resolution (a second or a minute), stored
 * column by column in typed arrays carved from one ArrayBuffer.
 *
 * Why typed arrays rather than an array of objects: the memory is fixed and known up front
 * (`bytesFor(capacity)`, 63 bytes a slot), recording a sample allocates nothing, and a ring of
 * numbers is invisible to the garbage collector; 200 profiles hold about a million slots, which
 * as objects (each a header, a hidden class pointer and boxed doubles for a dozen fields) would
 * cost several times as much and keep the collector busy.
 *
 * Column types: the acquire counter is float64 (exact integers up to 2^53: at 10,000 acquires a
 * second uint32 would wrap in five days); the slot key (seconds or minutes since 1970, good until
 * 2106) and the timeout and leak counters are uint32 (saturating); the pool gauges are uint16,
 * saturating at 65,535 (a pool holds at most 1,000 connections and 1,000 waiters by default, so
 * only a waiting queue configured past 65,535 would read flat at its top); latencies and the wait percentiles are float32, read back rounded
 * to the microsecond (float32 keeps 1 µs steps up to about 16.7 s, 2 µs up to 33 s); the sample
 * and latency counts are uint16 (saturating); the level is int8 (-1 = none).
 *
 * Time: the caller passes wall ms. A sample in the same slot as the newest one is folded into it;
 * any other slot (later, or earlier after the wall clock stepped back) starts a new slot. Reads
 * walk back from the newest slot and stop at the first step back in time, so a query after a
 * backward clock step shows only what was recorded since the step.
 */
import { healthLevels, type HealthLevel, type PoolStats } from '../../../shared/domain'
import type { MetricsPoint, MetricsSampleInput } from './metrics-sample'

const F64_COLUMNS = 1 // acquires
const F32_COLUMNS = 6 // waitP50Ms, waitP95Ms, waitP99Ms, latency mean / min / max
const U32_COLUMNS = 3 // key, timeouts, leaks
const U16_COLUMNS = 9 // total, active, idle, waiting, max, min, pendingCreates; samples, latency samples
const I8_COLUMNS = 1 // level

/** Bytes of one slot across all columns. */
export const BYTES_PER_SLOT =
  F64_COLUMNS * 8 + F32_COLUMNS * 4 + U32_COLUMNS * 4 + U16_COLUMNS * 2 + I8_COLUMNS
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff

/** A pool gauge as stored: clamped to 0..65,535. */
function gauge(value: number): number {
  return value > 0 ? Math.min(value, U16_MAX) : 0
}

/** A counter or slot key as stored: clamped to 0..2^32 - 1. */
function u32(value: number): number {
  return value > 0 ? Math.min(value, U32_MAX) : 0
}

function levelCode(level: HealthLevel | null): number {
  return level === null ? -1 : healthLevels.indexOf(level)
}

/** float32 columns are read back rounded to the microsecond. */
function ms(value: number): number {
  return Math.round(value * 1000) / 1000
}

export class SampleRing {
  readonly resolutionMs: number
  readonly capacity: number
  private readonly buffer: ArrayBuffer
  private readonly key: Uint32Array
  private readonly acquires: Float64Array
  private readonly timeouts: Uint32Array
  private readonly leaks: Uint32Array
  private readonly waitP50: Float32Array
  private readonly waitP95: Float32Array
  private readonly waitP99: Float32Array
  private readonly latencyMean: Float32Array
  private readonly latencyMin: Float32Array
  private readonly latencyMax: Float32Array
  private readonly total: Uint16Array
  private readonly active: Uint16Array
  private readonly idle: Uint16Array
  private readonly waiting: Uint16Array
  private readonly max: Uint16Array
  private readonly min: Uint16Array
  private readonly pendingCreates: Uint16Array
  private readonly samples: Uint16Array
  private readonly latencySamples: Uint16Array
  private readonly level: Int8Array
  /** Index of the newest slot (meaningful when size > 0). */
  private head = -1
  private size = 0

  static bytesFor(capacity: number): number {
    return capacity * BYTES_PER_SLOT
  }

  constructor(resolutionMs: number, capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be >= 1')
    if (!(resolutionMs > 0)) throw new RangeError('resolutionMs must be > 0')
    this.resolutionMs = resolutionMs
    this.capacity = capacity
    this.buffer = new ArrayBuffer(SampleRing.bytesFor(capacity))
    // Widest columns first, so every view starts on a multiple of its element size.
    let offset = 0
    const take = <T>(
      make: (buffer: ArrayBuffer, offset: number, length: number) => T,
      width: number,
    ): T => {
      const view = make(this.buffer, offset, capacity)
      offset += width * capacity
      return view
    }
    const f64 = () => take((b, o, n) => new Float64Array(b, o, n), 8)
    const f32 = () => take((b, o, n) => new Float32Array(b, o, n), 4)
    const u32col = () => take((b, o, n) => new Uint32Array(b, o, n), 4)
    const u16 = () => take((b, o, n) => new Uint16Array(b, o, n), 2)
    this.acquires = f64()
    this.waitP50 = f32()
    this.waitP95 = f32()
    this.waitP99 = f32()
    this.latencyMean = f32()
    this.latencyMin = f32()
    this.latencyMax = f32()
    this.key = u32col()
    this.timeouts = u32col()
    this.leaks = u32col()
    this.total = u16()
    this.active = u16()
    this.idle = u16()
    this.waiting = u16()
    this.max = u16()
    this.min = u16()
    this.pendingCreates = u16()
    this.samples = u16()
    this.latencySamples = u16()
    this.level = take((b, o, n) => new Int8Array(b, o, n), 1)
  }

  /** Bytes held by this ring (fixed from construction). */
  get byteLength(): number {
    return this.buffer.byteLength
  }

  /** Slots holding data (at most `capacity`). */
  get length(): number {
    return this.size
  }

  add(sample: MetricsSampleInput): void {
    const key = u32(Math.floor(sample.at / this.resolutionMs))
    const latency =
      sample.latencyMs !== null && Number.isFinite(sample.latencyMs) ? sample.latencyMs : null
    if (this.size > 0 && this.key[this.head] === key) {
      this.fold(this.head, sample, latency)
      return
    }
    this.head = (this.head + 1) % this.capacity
    if (this.size < this.capacity) this.size++
    this.start(this.head, key, sample, latency)
  }

  /** Slots whose start lies in (fromMs, toMs], oldest first (see the file comment on time). */
  points(fromMs: number, toMs: number): MetricsPoint[] {
    const out: MetricsPoint[] = []
    let later = Infinity
    for (let n = 0, i = this.head; n < this.size; n++, i = i === 0 ? this.capacity - 1 : i - 1) {
      const at = this.key[i]! * this.resolutionMs
      if (at >= later) break // the clock stepped back here: older slots are another timeline
      later = at
      if (at <= fromMs) break
      if (at <= toMs) out.push(this.point(i))
    }
    return out.reverse()
  }

  newest(): MetricsPoint | null {
    return this.size === 0 ? null : this.point(this.head)
  }

  private start(i: number, key: number, s: MetricsSampleInput, latency: number | null): void {
    const st = s.stats
    this.key[i] = key
    this.total[i] = gauge(st.total)
    this.active[i] = gauge(st.active)
    this.idle[i] = gauge(st.idle)
    this.waiting[i] = gauge(st.waiting)
    this.max[i] = gauge(st.max)
    this.min[i] = gauge(st.min)
    this.pendingCreates[i] = gauge(st.pendingCreates)
    this.acquires[i] = st.acquires
    this.timeouts[i] = u32(st.timeouts)
    this.leaks[i] = u32(st.leaks)
    this.waitP50[i] = st.waitP50Ms
    this.waitP95[i] = st.waitP95Ms
    this.waitP99[i] = st.waitP99Ms
    this.samples[i] = 1
    this.latencySamples[i] = latency === null ? 0 : 1
    this.latencyMean[i] = latency ?? 0
    this.latencyMin[i] = latency ?? 0
    this.latencyMax[i] = latency ?? 0
    this.level[i] = levelCode(s.level)
  }

  private fold(i: number, s: MetricsSampleInput, latency: number | null): void {
    const st = s.stats
    this.total[i] = gauge(st.total)
    this.active[i] = gauge(st.active)
    this.idle[i] = gauge(st.idle)
    this.max[i] = gauge(st.max)
    this.min[i] = gauge(st.min)
    this.pendingCreates[i] = gauge(st.pendingCreates)
    this.waiting[i] = Math.max(this.waiting[i]!, gauge(st.waiting))
    this.acquires[i] = st.acquires
    this.timeouts[i] = u32(st.timeouts)
    this.leaks[i] = u32(st.leaks)
    this.waitP50[i] = Math.max(this.waitP50[i]!, st.waitP50Ms)
    this.waitP95[i] = Math.max(this.waitP95[i]!, st.waitP95Ms)
    this.waitP99[i] = Math.max(this.waitP99[i]!, st.waitP99Ms)
    if (this.samples[i]! < U16_MAX) this.samples[i]!++
    if (latency !== null) {
      const n = this.latencySamples[i]!
      if (n === 0) {
        this.latencyMean[i] = latency
        this.latencyMin[i] = latency
        this.latencyMax[i] = latency
      } else {
        const counted = Math.min(n + 1, U16_MAX)
        this.latencyMean[i] = this.latencyMean[i]! + (latency - this.latencyMean[i]!) / counted
        if (latency < this.latencyMin[i]!) this.latencyMin[i] = latency
        if (latency > this.latencyMax[i]!) this.latencyMax[i] = latency
      }
      if (n < U16_MAX) this.latencySamples[i] = n + 1
    }
    const code = levelCode(s.level)
    if (code > this.level[i]!) this.level[i] = code
  }

  private point(i: number): MetricsPoint {
    const stats: PoolStats = {
      total: this.total[i]!,
      active: this.active[i]!,
      idle: this.idle[i]!,
      waiting: this.waiting[i]!,
      max: this.max[i]!,
      min: this.min[i]!,
      pendingCreates: this.pendingCreates[i]!,
      acquires: this.acquires[i]!,
      timeouts: this.timeouts[i]!,
      leaks: this.leaks[i]!,
      waitP50Ms: ms(this.waitP50[i]!),
      waitP95Ms: ms(this.waitP95[i]!),
      waitP99Ms: ms(this.waitP99[i]!),
    }
    const hasLatency = this.latencySamples[i]! > 0
    const code = this.level[i]!
    return {
      at: this.key[i]! * this.resolutionMs,
      stats,
      latencyMs: hasLatency ? ms(this.latencyMean[i]!) : null,
      latencyMinMs: hasLatency ? ms(this.latencyMin[i]!) : null,
      latencyMaxMs: hasLatency ? ms(this.latencyMax[i]!) : null,
      level: code < 0 ? null : (healthLevels[code] ?? null),
      samples: this.samples[i]!,
    }
  }
}
