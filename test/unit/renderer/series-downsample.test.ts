/**
 * Lines are reduced for drawing: at most two points per bucket (its lowest and highest, in time
 * order, so a peak survives), gap markers kept; short lines pass through unchanged.
 */
import { describe, expect, it } from 'vitest'
import { downsample, type XY } from '../../../src/renderer/src/features/overview/series-buffer'

const line = (ys: (number | null)[]): XY[] => ys.map((y, x) => ({ x, y }))

describe('downsample', () => {
  it('a short line is unchanged', () => {
    const points = line([1, 2, 3, 4])
    expect(downsample(points, 2)).toEqual(points)
  })

  it('keeps each bucket’s low and high, in time order', () => {
    const points = line([5, 9, 1, 4, 2, 8, 3, 7, 6, 0, 4, 5])
    const out = downsample(points, 3)
    expect(out.length).toBeLessThanOrEqual(6)
    expect(out.map((p) => p.y)).toEqual([9, 1, 2, 8, 6, 0])
    expect(out.map((p) => p.x)).toEqual([...out.map((p) => p.x)].sort((a, b) => a - b))
  })

  it('a single spike in a long flat line survives', () => {
    const ys: number[] = Array.from({ length: 3_600 }, () => 1)
    ys[1_234] = 50
    const out = downsample(line(ys), 150)
    expect(out.length).toBeLessThanOrEqual(300)
    expect(Math.max(...out.map((p) => p.y ?? 0))).toBe(50)
  })

  it('gap markers stay, so no line is drawn across an outage', () => {
    const ys: (number | null)[] = Array.from({ length: 1_000 }, (_, i) => i % 7)
    ys[500] = null
    const out = downsample(line(ys), 50)
    expect(out.filter((p) => p.y === null)).toEqual([{ x: 500, y: null }])
    const at = out.findIndex((p) => p.y === null)
    expect(out[at - 1]?.x).toBeLessThan(500)
    expect(out[at + 1]?.x).toBeGreaterThan(500)
  })
})
