import { describe, expect, it } from 'vitest'
import { MetricsHistory } from '../../../src/main/engine/metrics/metrics-history'
import { statsFor, sampleAt } from './support/stats'

const T0 = Date.UTC(2026, 2, 1, 0, 0, 0)

/** Two hours of one sample a second, sample n at T0 + n s. */
function twoHours(): { history: MetricsHistory; now: number; count: number } {
  const history = new MetricsHistory()
  const count = 2 * 3600
  for (let n = 0; n < count; n++) history.record('p', sampleAt(T0 + n * 1000 + 250, n))
  return { history, now: T0 + (count - 1) * 1000 + 250, count }
}

describe('metrics history ranges', () => {
  it('answers 5m and 1h at 1 s resolution with the newest samples, oldest first', () => {
    const { history, now, count } = twoHours()
    for (const [range, seconds] of [
      ['5m', 300],
      ['1h', 3600],
    ] as const) {
      const series = history.query('p', range, now)
      expect(series.resolutionMs).toBe(1000)
      expect(series.to).toBe(now)
      expect(series.from).toBe(now - seconds * 1000)
      expect(series.points).toHaveLength(seconds)
      const first = count - seconds
      // acquires encode the sample number, so [slot start, acquires] pins every point
      expect(series.points.map((p) => [p.at, p.stats.acquires, p.samples])).toEqual(
        Array.from({ length: seconds }, (_, i) => [
          T0 + (first + i) * 1000,
          statsFor(first + i).acquires,
          1,
        ]),
      )
      expect(series.points[0]!.stats).toEqual(statsFor(first))
      expect(series.points.at(-1)!.stats).toEqual(statsFor(count - 1))
    }
  })

  it('answers 24h at 1 min resolution, one point per minute that had samples', () => {
    const { history, now, count } = twoHours()
    const series = history.query('p', '24h', now)
    expect(series.resolutionMs).toBe(60_000)
    expect(series.points).toHaveLength(count / 60)
    series.points.forEach((p, i) => {
      expect(p.at).toBe(T0 + i * 60_000)
      expect(p.samples).toBe(60)
      // gauges and counters: the minute's last sample
      const last = statsFor(i * 60 + 59)
      expect(p.stats.total).toBe(last.total)
      expect(p.stats.acquires).toBe(last.acquires)
    })
  })

  it('keeps only slots inside (now - window, now]', () => {
    const { history, count } = twoHours()
    const now = T0 + 7000 * 1000 // an earlier "now": sample 7000 is the newest shown
    const points = history.query('p', '5m', now).points
    expect(points).toHaveLength(300)
    expect(points.at(-1)!.stats).toEqual(statsFor(7000))
    expect(points[0]!.stats).toEqual(statsFor(6701))
    // Ten minutes of silence: the 5-minute view is empty, the hour shows what is left in it.
    const silent = count - 1 + 600
    const later = T0 + silent * 1000
    expect(history.query('p', '5m', later).points).toEqual([])
    const hour = history.query('p', '1h', later).points
    expect(hour).toHaveLength(count - 1 - (silent - 3600))
    expect(hour[0]!.at).toBe(T0 + (silent - 3600 + 1) * 1000)
  })

  it('keeps profiles apart', () => {
    const history = new MetricsHistory()
    history.record('a', sampleAt(T0, 1))
    history.record('b', sampleAt(T0, 2))
    expect(history.query('a', '5m', T0).points.map((p) => p.stats)).toEqual([statsFor(1)])
    expect(history.query('b', '5m', T0).points.map((p) => p.stats)).toEqual([statsFor(2)])
    expect(history.latest('b')!.stats).toEqual(statsFor(2))
    expect(history.latest('c')).toBeNull()
  })
})
