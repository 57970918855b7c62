import { describe, expect, it } from 'vitest'
import { Histogram } from '../../../src/main/engine/pool/engine/histogram'
import { PoolMetrics } from '../../../src/main/engine/pool/engine/pool-metrics'
import { prometheusBucketBoundsMs } from '../../../src/main/engine/metrics/prometheus-text'
import { mulberry32 } from '../health/support/mulberry32'

describe('histogram cumulative buckets', () => {
  it('counts every record at or below a bound, and none more than 6.25 % above it', () => {
    const random = mulberry32(42)
    const h = new Histogram()
    const values: number[] = []
    for (let i = 0; i < 20_000; i++) {
      // log-uniform from 1 µs to 60 s, at the histogram's µs resolution
      const ms = Math.round(10 ** (random() * 7.78 - 3) * 1000) / 1000
      values.push(ms)
      h.record(ms)
    }
    const bounds = [0.004, 0.015, ...prometheusBucketBoundsMs, 60_000]
    const buckets = h.cumulative(bounds)
    expect(buckets.count).toBe(values.length)
    expect(buckets.boundsMs).toEqual(bounds)
    bounds.forEach((bound, i) => {
      const atOrBelow = values.filter((v) => v <= bound).length
      const slack = values.filter((v) => v <= bound * 1.0625).length
      expect(buckets.counts[i]).toBeGreaterThanOrEqual(atOrBelow)
      expect(buckets.counts[i]).toBeLessThanOrEqual(slack)
      if (bound < 0.016) expect(buckets.counts[i]).toBe(atOrBelow) // exact below 16 µs
    })
    const sum = values.reduce((a, b) => a + b, 0)
    expect(buckets.sumMs).toBeCloseTo(sum, 3)
  })

  it('counts a record exactly at a bound, and none past the bucket holding it', () => {
    const h = new Histogram()
    h.record(1)
    h.record(5)
    expect(h.cumulative([1, 5]).counts).toEqual([1, 2])
    h.record(5.2) // 4 % above 5 ms, but in the next log-linear bucket
    expect(h.cumulative([5]).counts).toEqual([2])
    h.record(5.1) // 2 % above 5 ms, in the bucket that holds 5 ms: counted (the documented error)
    expect(h.cumulative([5]).counts).toEqual([3])
  })

  it('refuses bounds that are not ascending, finite and >= 0', () => {
    const h = new Histogram()
    for (const bad of [[5, 1], [1, 1], [-1], [NaN], [Infinity]]) {
      expect(() => h.cumulative(bad)).toThrow(RangeError)
    }
  })

  it('gives the three pool histograms at once without touching the records', () => {
    const m = new PoolMetrics()
    m.acquireWait.record(3)
    m.usage.record(30)
    m.usage.record(300)
    m.creation.record(7)
    const before = m.snapshot({
      total: 0,
      active: 0,
      idle: 0,
      validating: 0,
      waiting: 0,
      pendingCreates: 0,
      max: 1,
      min: 0,
    })
    const b = m.histogramBuckets([10, 100])
    expect(b.acquireWait).toMatchObject({ counts: [1, 1], count: 1, sumMs: 3 })
    expect(b.usage).toMatchObject({ counts: [0, 1], count: 2, sumMs: 330 })
    expect(b.creation).toMatchObject({ counts: [1, 1], count: 1, sumMs: 7 })
    expect(m.snapshot(before.gauges)).toEqual(before)
  })
})
