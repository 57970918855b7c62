/**
 * The Overview's series for each range: main's history with live samples folded in at the
 * range's resolution (gauges last, waits max), trimmed to the window; no line across a gap; rates
 * from counter deltas, none across a gap or a counter reset.
 */
import { describe, expect, it } from 'vitest'
import {
  chartSeries,
  rangeSpecs,
  SeriesBuffer,
} from '../../../src/renderer/src/features/overview/series-buffer'
import type { HistoryRange, MetricsPoint, MetricsSeries } from '../../../src/shared/cockpit'
import { stats } from './store-fixture'

const T = 1_700_000_000_000 - (1_700_000_000_000 % 60_000)

function point(at: number, active: number, overrides = {}): MetricsPoint {
  return {
    at,
    stats: stats(active, overrides),
    latencyMs: 1,
    latencyMinMs: 1,
    latencyMaxMs: 1,
    level: 'healthy',
    samples: 1,
  }
}

function series(range: HistoryRange, points: MetricsPoint[]): MetricsSeries {
  return {
    profileId: 'p1',
    range,
    resolutionMs: rangeSpecs[range].resolutionMs,
    from: T - rangeSpecs[range].windowMs,
    to: T,
    points,
  }
}

const ys = (xy: { y: number | null }[]) => xy.map((p) => p.y)

describe.each(['5m', '1h'] as const)('range %s (1 s slots)', (range) => {
  it('history, then live samples each in their second', () => {
    const buffer = new SeriesBuffer(range)
    buffer.loadHistory(series(range, [point(T - 2_000, 1), point(T - 1_000, 2)]))
    buffer.addSample(T + 250, stats(3))
    buffer.addSample(T + 1_100, stats(4))
    expect(buffer.points.map((p) => [p.at - T, p.stats.active])).toEqual([
      [-2_000, 1],
      [-1_000, 2],
      [0, 3],
      [1_000, 4],
    ])
  })

  it('two samples in one second: last gauges, highest waiting and wait percentiles', () => {
    const buffer = new SeriesBuffer(range)
    buffer.addSample(T + 100, stats(5, { waiting: 4, waitP95Ms: 80 }))
    buffer.addSample(T + 900, stats(2, { waiting: 1, waitP95Ms: 20 }))
    expect(buffer.points).toHaveLength(1)
    expect(buffer.points[0]?.stats).toMatchObject({ active: 2, waiting: 4, waitP95Ms: 80 })
  })

  it('live samples that arrived before the history answered are kept after it', () => {
    const buffer = new SeriesBuffer(range)
    buffer.addSample(T + 3_000, stats(7))
    buffer.loadHistory(series(range, [point(T, 1)]))
    expect(buffer.points.map((p) => p.at - T)).toEqual([0, 3_000])
  })

  it('trims what fell out of the window', () => {
    const buffer = new SeriesBuffer(range)
    const window = rangeSpecs[range].windowMs
    buffer.loadHistory(series(range, [point(T - window - 1_000, 1), point(T - 1_000, 2)]))
    buffer.trim(T)
    expect(buffer.points.map((p) => p.at - T)).toEqual([-1_000])
  })

  it('an outage breaks every line; the first rate after it is unknown', () => {
    const buffer = new SeriesBuffer(range)
    buffer.loadHistory(
      series(range, [
        point(T, 1, { acquires: 10 }),
        point(T + 1_000, 1, { acquires: 15 }),
        point(T + 60_000, 2, { acquires: 100 }),
        point(T + 61_000, 2, { acquires: 104 }),
      ]),
    )
    const s = chartSeries(buffer.points, buffer.spec)
    expect(ys(s.active)).toEqual([1, 1, null, 2, 2])
    expect(ys(s.acquiresPerSecond)).toEqual([null, 5, null, null, 4])
    expect(s.active[2]?.x).toBe(T + 2_000)
  })

  it('a missed second (2 s apart) is not a gap; the rate is per second', () => {
    const points = [point(T, 1, { acquires: 0 }), point(T + 2_000, 1, { acquires: 10 })]
    const s = chartSeries(
      points.map((p) => ({ at: p.at, stats: p.stats })),
      rangeSpecs[range],
    )
    expect(ys(s.acquiresPerSecond)).toEqual([null, 5])
    expect(ys(s.total)).toEqual([2, 2])
  })

  it('a counter reset (reconnect) gives no rate instead of a negative one', () => {
    const points = [
      point(T, 1, { acquires: 50, timeouts: 3 }),
      point(T + 1_000, 1, { acquires: 2, timeouts: 0 }),
    ]
    const s = chartSeries(
      points.map((p) => ({ at: p.at, stats: p.stats })),
      rangeSpecs[range],
    )
    expect(ys(s.acquiresPerSecond)).toEqual([null, null])
    expect(ys(s.timeouts)).toEqual([null, null])
  })
})

describe('range 24h (1 min slots)', () => {
  it('live samples fold into the current minute', () => {
    const buffer = new SeriesBuffer('24h')
    buffer.loadHistory(series('24h', [point(T - 60_000, 1)]))
    buffer.addSample(T + 1_000, stats(3, { waiting: 2 }))
    buffer.addSample(T + 30_000, stats(1, { waiting: 0 }))
    buffer.addSample(T + 61_000, stats(6))
    expect(buffer.points.map((p) => [p.at - T, p.stats.active, p.stats.waiting])).toEqual([
      [-60_000, 1, 0],
      [0, 1, 2],
      [60_000, 6, 0],
    ])
  })

  it('the history’s last minute and a live sample of the same minute fold together', () => {
    const buffer = new SeriesBuffer('24h')
    buffer.addSample(T + 5_000, stats(2, { waitP99Ms: 300 }))
    buffer.loadHistory(series('24h', [point(T, 4, { waitP99Ms: 10 })]))
    expect(buffer.points).toHaveLength(1)
    expect(buffer.points[0]?.stats).toMatchObject({ waitP99Ms: 300 })
  })

  it('a gap is longer than 2.5 minutes; timeouts per minute from the deltas', () => {
    const points = [
      point(T, 1, { timeouts: 0 }),
      point(T + 60_000, 1, { timeouts: 3 }),
      point(T + 120_000, 1, { timeouts: 3 }),
      point(T + 600_000, 1, { timeouts: 9 }),
    ]
    const s = chartSeries(
      points.map((p) => ({ at: p.at, stats: p.stats })),
      rangeSpecs['24h'],
    )
    expect(ys(s.timeouts)).toEqual([null, 3, 0, null, null])
    expect(ys(s.acquiresPerSecond)).toEqual([null, 0, 0, null, null])
  })

  it('an out-of-order sample older than the last minute is dropped', () => {
    const buffer = new SeriesBuffer('24h')
    buffer.addSample(T + 120_000, stats(1))
    buffer.addSample(T, stats(9))
    expect(buffer.points.map((p) => p.at - T)).toEqual([120_000])
  })
})
