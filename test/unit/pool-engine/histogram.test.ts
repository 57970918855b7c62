import { describe, expect, it } from 'vitest'
import { Histogram } from '../../../src/main/engine/pool/engine/histogram'

describe('histogram', () => {
  it('gives percentiles within 6.25 % and the exact max', () => {
    const h = new Histogram()
    for (let ms = 1; ms <= 1000; ms++) h.record(ms)
    const s = h.snapshot()
    expect(s.count).toBe(1000)
    expect(s.max).toBe(1000)
    expect(s.mean).toBeCloseTo(500.5, 5)
    for (const [got, want] of [
      [s.p50, 500],
      [s.p95, 950],
      [s.p99, 990],
    ] as const) {
      expect(got).toBeGreaterThanOrEqual(want)
      expect(got).toBeLessThanOrEqual(want * 1.0625)
    }
  })

  it('is exact for tiny values and handles zero, negative and huge ones', () => {
    const h = new Histogram()
    h.record(0)
    h.record(-5)
    h.record(0.003)
    expect(h.percentile(1)).toBe(0.003)
    h.record(10 * 3_600_000) // ten hours, beyond the range: lands in the last bucket
    expect(h.snapshot().max).toBeCloseTo(4_294_967.295, 3)
    expect(h.percentile(0.5)).toBe(0)
  })

  it('is empty after reset', () => {
    const h = new Histogram()
    h.record(5)
    h.reset()
    expect(h.snapshot()).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 })
  })
})
