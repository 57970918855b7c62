/**
 * Completions per second over the last 10 whole seconds (one counter per second in a fixed ring,
 * so the memory is constant whatever the rate). Monotonic time. Until a whole second has passed
 * since reset, the rate is the count so far over the time so far.
 */
export class RateWindow {
  private readonly seconds: number
  private readonly counts: Float64Array
  private readonly stamps: Float64Array
  private startedAt = 0

  constructor(windowMs = 10_000) {
    this.seconds = Math.max(1, Math.round(windowMs / 1000))
    // One more slot than the window: the second in progress never overwrites the oldest counted.
    this.counts = new Float64Array(this.seconds + 1)
    this.stamps = new Float64Array(this.seconds + 1).fill(-1)
  }

  reset(now: number): void {
    this.counts.fill(0)
    this.stamps.fill(-1)
    this.startedAt = now
  }

  add(now: number): void {
    const second = Math.floor(now / 1000)
    const i = second % this.counts.length
    if (this.stamps[i] !== second) {
      this.stamps[i] = second
      this.counts[i] = 0
    }
    this.counts[i]!++
  }

  /** Completions per second, rounded to 0.01. */
  rate(now: number): number {
    const current = Math.floor(now / 1000)
    const whole = Math.min(this.seconds, current - Math.ceil(this.startedAt / 1000))
    if (whole <= 0) {
      const elapsed = now - this.startedAt
      return elapsed <= 0 ? 0 : round((this.countFrom(current - 1, current) / elapsed) * 1000)
    }
    return round(this.countFrom(current - whole, current - 1) / whole)
  }

  private countFrom(first: number, last: number): number {
    let n = 0
    for (let i = 0; i < this.counts.length; i++) {
      const s = this.stamps[i]!
      if (s >= first && s <= last) n += this.counts[i]!
    }
    return n
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
