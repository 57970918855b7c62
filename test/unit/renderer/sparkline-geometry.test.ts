/** The sparkline's shape: the last two minutes across the canvas, broken at gaps and outages. */
import { describe, expect, it } from 'vitest'
import { sparklineGeometry } from '../../../src/renderer/src/lib/sparkline-geometry'

const NOW = 1_000_000

describe('sparkline geometry', () => {
  it('maps time to x across the window and latency to y (top = highest)', () => {
    const g = sparklineGeometry(
      [
        { at: NOW - 120_000, ms: 0 },
        { at: NOW - 60_000, ms: 10 },
        { at: NOW - 58_000, ms: 5 },
      ],
      NOW,
      120,
      30,
      120_000,
      100_000,
    )
    expect(g.peakMs).toBe(10)
    expect(g.segments).toHaveLength(1)
    const [a, b, c] = g.segments[0] ?? []
    expect(a?.x).toBe(0)
    expect(b?.x).toBe(60)
    expect(c?.x).toBeCloseTo(62)
    expect(a?.y).toBeCloseTo(28.5)
    expect(b?.y).toBeLessThan(c?.y ?? 0)
  })

  it('a pause longer than the gap starts a new segment', () => {
    const g = sparklineGeometry(
      [
        { at: NOW - 20_000, ms: 1 },
        { at: NOW - 18_000, ms: 1 },
        { at: NOW - 4_000, ms: 1 },
      ],
      NOW,
      100,
      20,
    )
    expect(g.segments.map((s) => s.length)).toEqual([2, 1])
  })

  it('a null point (not connected) breaks the line', () => {
    const g = sparklineGeometry(
      [
        { at: NOW - 6_000, ms: 1 },
        { at: NOW - 4_000, ms: null },
        { at: NOW - 2_000, ms: 2 },
      ],
      NOW,
      100,
      20,
    )
    expect(g.segments.map((s) => s.length)).toEqual([1, 1])
  })

  it('points older than the window are left out; nothing at all: no segment', () => {
    const g = sparklineGeometry([{ at: NOW - 200_000, ms: 3 }], NOW, 100, 20)
    expect(g.segments).toEqual([])
    expect(g.peakMs).toBeNull()
  })
})
