import { describe, expect, it } from 'vitest'
import type { HealthLevel } from '../../../src/shared/domain'
import { MetricsHistory } from '../../../src/main/engine/metrics/metrics-history'
import { sampleAt, statsFor } from './support/stats'
import { mulberry32 } from '../health/support/mulberry32'

const MINUTE = Date.UTC(2026, 2, 1, 10, 7, 0)

describe('metrics history aggregation', () => {
  it('folds a minute: last gauges and counters, max waiting and p99, latency mean/min/max, worst level', () => {
    const random = mulberry32(8)
    const history = new MetricsHistory()
    const levels: HealthLevel[] = ['healthy', 'warning', 'critical']
    const inputs = Array.from({ length: 60 }, (_, s) => {
      const n = Math.floor(random() * 1000)
      const latency = random() < 0.2 ? null : Math.round(random() * 50_000) / 1000
      const level = s === 59 ? 'healthy' : levels[Math.floor(random() * 2)]! // no critical
      return sampleAt(MINUTE + s * 1000 + 400, n, { latencyMs: latency, level })
    })
    for (const input of inputs) history.record('p', input)

    const [point] = history.query('p', '24h', MINUTE + 60_000).points
    const last = inputs.at(-1)!.stats
    const latencies = inputs.flatMap((i) => (i.latencyMs === null ? [] : [i.latencyMs]))
    expect(point!.at).toBe(MINUTE)
    expect(point!.samples).toBe(60)
    for (const key of ['total', 'active', 'idle', 'max', 'min', 'pendingCreates'] as const) {
      expect(point!.stats[key]).toBe(last[key])
    }
    for (const key of ['acquires', 'timeouts', 'leaks'] as const) {
      expect(point!.stats[key]).toBe(last[key])
    }
    expect(point!.stats.waiting).toBe(Math.max(...inputs.map((i) => i.stats.waiting)))
    expect(point!.stats.waitP99Ms).toBeCloseTo(Math.max(...inputs.map((i) => i.stats.waitP99Ms)), 3)
    expect(point!.latencyMs).toBeCloseTo(latencies.reduce((a, b) => a + b, 0) / latencies.length, 3)
    expect(point!.latencyMinMs).toBeCloseTo(Math.min(...latencies), 3)
    expect(point!.latencyMaxMs).toBeCloseTo(Math.max(...latencies), 3)
    const worst = Math.max(...inputs.map((i) => levels.indexOf(i.level!)))
    expect(point!.level).toBe(levels[worst])
  })

  it('shows a single critical second in its minute', () => {
    const history = new MetricsHistory()
    for (let s = 0; s < 60; s++) {
      history.record(
        'p',
        sampleAt(MINUTE + s * 1000, s, { level: s === 17 ? 'critical' : 'healthy' }),
      )
    }
    expect(history.query('p', '24h', MINUTE + 60_000).points[0]!.level).toBe('critical')
    const seconds = history.query('p', '5m', MINUTE + 60_000).points
    expect(seconds.filter((p) => p.level === 'critical').map((p) => p.at)).toEqual([
      MINUTE + 17_000,
    ])
  })

  it('folds several samples in one second the same way', () => {
    const history = new MetricsHistory()
    history.record(
      'p',
      sampleAt(MINUTE + 100, 1, { latencyMs: 2, stats: { ...statsFor(1), waiting: 9 } }),
    )
    history.record(
      'p',
      sampleAt(MINUTE + 900, 2, { latencyMs: 4, stats: { ...statsFor(2), waiting: 1 } }),
    )
    const [point, ...rest] = history.query('p', '5m', MINUTE + 1000).points
    expect(rest).toEqual([])
    expect(point!.samples).toBe(2)
    expect(point!.stats.waiting).toBe(9)
    expect(point!.stats.acquires).toBe(statsFor(2).acquires)
    expect([point!.latencyMs, point!.latencyMinMs, point!.latencyMaxMs]).toEqual([3, 2, 4])
  })

  it('reports no latency and no level for a slot that had none', () => {
    const history = new MetricsHistory()
    history.record('p', sampleAt(MINUTE, 1, { latencyMs: null, level: null }))
    history.record('p', sampleAt(MINUTE + 1000, 2, { latencyMs: NaN, level: null }))
    for (const range of ['5m', '24h'] as const) {
      for (const p of history.query('p', range, MINUTE + 2000).points) {
        expect([p.latencyMs, p.latencyMinMs, p.latencyMaxMs, p.level]).toEqual([
          null,
          null,
          null,
          null,
        ])
      }
    }
  })

  it('leaves a gap, not a made-up point, for seconds with no sample', () => {
    const history = new MetricsHistory()
    history.record('p', sampleAt(MINUTE, 1))
    history.record('p', sampleAt(MINUTE + 5000, 2))
    expect(history.query('p', '5m', MINUTE + 5000).points.map((p) => p.at)).toEqual([
      MINUTE,
      MINUTE + 5000,
    ])
  })
})
