/**
 * Recent percentiles (histogram-window.ts), on a fake clock: a spike shows at once and is gone
 * once it is older than the window (10 s, snapshots every 2 s: gone after 10 to 12 s); a window
 * without records reads 0 with count 0; the histogram itself (what Prometheus exports) keeps
 * every record since the start. Reads that come less often than the step still see records.
 */
import { describe, expect, it } from 'vitest'
import { Histogram } from '../../../src/main/engine/pool/engine/histogram'
import { HistogramWindow } from '../../../src/main/engine/pool/engine/histogram-window'
import { FakeClock } from '../../helpers/fake-clock'

function setup() {
  const clock = new FakeClock()
  const histogram = new Histogram()
  const window = new HistogramWindow(histogram, clock.now)
  return { clock, histogram, window }
}

/** Reads once a second (as the stats pushes do) for `seconds`, recording `each` before each read. */
async function tick(
  s: ReturnType<typeof setup>,
  seconds: number,
  each: (h: Histogram) => void = () => undefined,
) {
  const reads = []
  for (let i = 0; i < seconds; i++) {
    await s.clock.advance(1_000)
    each(s.histogram)
    reads.push(s.window.read())
  }
  return reads
}

describe('recent percentiles of a histogram', () => {
  it('a spike shows now, and is gone once older than the window', async () => {
    const s = setup()
    await tick(s, 20, (h) => h.record(1))
    for (let i = 0; i < 5; i++) s.histogram.record(400)
    const now = s.window.read()
    expect(now.p99).toBeGreaterThanOrEqual(400)
    expect(now.p99).toBeLessThan(400 * 1.07)
    expect(now.p50).toBeLessThan(1.1)
    const after = await tick(s, 13, (h) => h.record(1))
    // Still in the window 8 s later; gone by 12 s (the step makes the window 8 to 10 s long).
    expect(after[7]!.p99).toBeGreaterThanOrEqual(400)
    expect(after[11]!.p99).toBeLessThan(1.1)
    expect(after[12]!.count).toBeGreaterThanOrEqual(8)
    expect(after[12]!.count).toBeLessThanOrEqual(10)
    // The histogram keeps everything for the cumulative export.
    expect(s.histogram.count).toBe(20 + 5 + 13)
    expect(s.histogram.snapshot().max).toBeGreaterThanOrEqual(400)
  })

  it('no record in the window: 0, and count 0', async () => {
    const s = setup()
    expect(s.window.read()).toEqual({ count: 0, p50: 0, p95: 0, p99: 0 })
    s.histogram.record(250)
    expect(s.window.read()).toMatchObject({ count: 1, p99: expect.any(Number) })
    expect(s.window.read().p99).toBeGreaterThanOrEqual(250)
    const later = await tick(s, 14)
    expect(later.at(-1)).toEqual({ count: 0, p50: 0, p95: 0, p99: 0 })
  })

  it('sparse reads (every 30 s) still count what happened since the previous one', async () => {
    const s = setup()
    await s.clock.advance(30_000)
    s.window.read()
    await s.clock.advance(30_000)
    s.histogram.record(80)
    const read = s.window.read()
    expect(read.count).toBe(1)
    expect(read.p50).toBeGreaterThanOrEqual(80)
  })
})
