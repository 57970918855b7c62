import { describe, expect, it } from 'vitest'
import { csvColumns, metricsCsv } from '../../../src/main/engine/metrics/csv-export'
import { MetricsHistory } from '../../../src/main/engine/metrics/metrics-history'
import { parseCsv } from './support/parse-csv'
import { sampleAt } from './support/stats'

const T0 = Date.UTC(2026, 5, 30, 23, 59, 0)

describe('metrics CSV rows', () => {
  it('writes a header and one row per point, profile by profile, timestamps in ISO 8601 UTC', () => {
    const history = new MetricsHistory()
    for (let n = 0; n < 90; n++) {
      history.record(
        'a',
        sampleAt(T0 + n * 1000, n, n === 5 ? { latencyMs: null, level: null } : {}),
      )
      if (n % 3 === 0) history.record('b', sampleAt(T0 + n * 1000, 1000 + n))
    }
    const now = T0 + 89_000
    const inputs = [
      { profileId: 'a', profileName: 'alpha', series: history.query('a', '5m', now) },
      { profileId: 'b', profileName: 'beta', series: history.query('b', '24h', now) },
    ]
    const rows = parseCsv(metricsCsv(inputs))
    expect(rows[0]).toEqual([...csvColumns])
    const points = inputs.flatMap((input) => input.series.points.map((p) => ({ input, p })))
    expect(rows).toHaveLength(1 + points.length)
    points.forEach(({ input, p }, i) => {
      const row = Object.fromEntries(csvColumns.map((c, j) => [c, rows[i + 1]![j]]))
      expect(row.timestamp).toBe(new Date(p.at).toISOString())
      expect(row.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      expect(row.profile_id).toBe(input.profileId)
      expect(row.profile).toBe(input.profileName)
      expect(Number(row.resolution_s)).toBe(input.series.resolutionMs / 1000)
      expect(Number(row.total)).toBe(p.stats.total)
      expect(Number(row.active)).toBe(p.stats.active)
      expect(Number(row.idle)).toBe(p.stats.idle)
      expect(Number(row.waiting)).toBe(p.stats.waiting)
      expect(Number(row.max)).toBe(p.stats.max)
      expect(Number(row.min)).toBe(p.stats.min)
      expect(Number(row.pending_creates)).toBe(p.stats.pendingCreates)
      expect(Number(row.acquires)).toBe(p.stats.acquires)
      expect(Number(row.timeouts)).toBe(p.stats.timeouts)
      expect(Number(row.leaks)).toBe(p.stats.leaks)
      expect(Number(row.wait_p50_ms)).toBe(p.stats.waitP50Ms)
      expect(Number(row.wait_p95_ms)).toBe(p.stats.waitP95Ms)
      expect(Number(row.wait_p99_ms)).toBe(p.stats.waitP99Ms)
      expect(row.latency_ms).toBe(p.latencyMs === null ? '' : String(p.latencyMs))
      expect(row.latency_min_ms).toBe(p.latencyMinMs === null ? '' : String(p.latencyMinMs))
      expect(row.latency_max_ms).toBe(p.latencyMaxMs === null ? '' : String(p.latencyMaxMs))
      expect(row.level).toBe(p.level ?? '')
      expect(Number(row.samples)).toBe(p.samples)
    })
    // the sample with no latency and no level really is in there, as empty fields
    expect(rows.some((r) => r[2] === 'alpha' && r[17] === '' && r[20] === '')).toBe(true)
  })

  it('is just the header when there is nothing to export', () => {
    expect(metricsCsv([])).toBe(`${csvColumns.join(',')}\r\n`)
  })
})
