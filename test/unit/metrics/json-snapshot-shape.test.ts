import { describe, expect, it } from 'vitest'
import {
  METRICS_SNAPSHOT_FORMAT,
  METRICS_SNAPSHOT_VERSION,
  buildMetricsSnapshot,
  metricsSnapshotJson,
  type SeriesColumns,
} from '../../../src/main/engine/metrics/json-snapshot'
import { MetricsHistory } from '../../../src/main/engine/metrics/metrics-history'
import type { MetricsPoint } from '../../../src/main/engine/metrics/metrics-sample'
import { sampleAt } from './support/stats'

const T0 = Date.UTC(2026, 3, 2, 8, 0, 0)

function history(): MetricsHistory {
  const h = new MetricsHistory()
  for (let n = 0; n < 150; n++) {
    h.record('a', sampleAt(T0 + n * 1000, n, n % 10 === 0 ? { latencyMs: null, level: null } : {}))
    h.record('b', sampleAt(T0 + n * 1000, 7 * n))
  }
  return h
}

function rowsOf(columns: SeriesColumns): MetricsPoint[] {
  return columns.at.map((at, i) => ({
    at,
    stats: {
      total: columns.total[i]!,
      active: columns.active[i]!,
      idle: columns.idle[i]!,
      waiting: columns.waiting[i]!,
      max: columns.max[i]!,
      min: columns.min[i]!,
      pendingCreates: columns.pendingCreates[i]!,
      acquires: columns.acquires[i]!,
      timeouts: columns.timeouts[i]!,
      leaks: columns.leaks[i]!,
      waitP50Ms: columns.waitP50Ms[i]!,
      waitP95Ms: columns.waitP95Ms[i]!,
      waitP99Ms: columns.waitP99Ms[i]!,
    },
    latencyMs: columns.latencyMs[i]!,
    latencyMinMs: columns.latencyMinMs[i]!,
    latencyMaxMs: columns.latencyMaxMs[i]!,
    level: columns.level[i]!,
    samples: columns.samples[i]!,
  }))
}

describe('JSON metrics snapshot: shape', () => {
  it('holds format, version, export time and, per profile, state, series, events and alerts', () => {
    const h = history()
    const now = T0 + 149_000
    const exportedAt = now + 250
    const ids = ['a', 'b']
    const input = {
      exportedAt,
      scope: 'all' as const,
      appVersion: '0.1.0',
      profiles: ids.map((id, i) => ({
        profile: { id, name: `profile ${id}`, host: '127.0.0.1', port: 5432 + i },
        state: { profileId: id, state: 'connected', since: T0, pool: h.latest(id)!.stats },
        series: [h.query(id, '1h', now), h.query(id, '24h', now)],
        events: [{ type: 'pool:leak', at: T0 + i }],
        alerts: [{ id: `alert-${id}`, severity: 'critical' }],
      })),
    }
    const snapshot = buildMetricsSnapshot(input)
    const parsed = JSON.parse(metricsSnapshotJson(snapshot)) as typeof snapshot
    expect(parsed.format).toBe(METRICS_SNAPSHOT_FORMAT)
    expect(parsed.formatVersion).toBe(METRICS_SNAPSHOT_VERSION)
    expect(parsed.exportedAt).toBe(new Date(exportedAt).toISOString())
    expect(parsed.scope).toBe('all')
    expect(parsed.appVersion).toBe('0.1.0')
    expect(parsed.profiles.map((p) => [p.id, p.name])).toEqual(
      ids.map((id) => [id, `profile ${id}`]),
    )
    parsed.profiles.forEach((p, i) => {
      const source = input.profiles[i]!
      expect(p.settings).toEqual(source.profile)
      expect(p.state).toEqual(source.state)
      expect(p.events).toEqual(source.events)
      expect(p.alerts).toEqual(source.alerts)
      expect(p.series.map((s) => [s.range, s.resolutionMs])).toEqual([
        ['1h', 1000],
        ['24h', 60_000],
      ])
      p.series.forEach((columns, j) => {
        const series = source.series[j]!
        expect(columns.from).toBe(new Date(series.from).toISOString())
        expect(columns.to).toBe(new Date(series.to).toISOString())
        expect(rowsOf(columns)).toEqual(series.points)
        expect(series.points.length).toBeGreaterThan(0)
      })
    })
  })

  it('exports one profile with scope "profile" and no app version when none is given', () => {
    const snapshot = buildMetricsSnapshot({
      exportedAt: T0,
      scope: 'profile',
      profiles: [
        { profile: { id: 'a', name: 'a' }, state: null, series: [], events: [], alerts: [] },
      ],
    })
    expect(snapshot.scope).toBe('profile')
    expect(snapshot).not.toHaveProperty('appVersion')
    expect(snapshot.profiles).toHaveLength(1)
    expect(snapshot.profiles[0]!.state).toBeNull()
    expect(metricsSnapshotJson(snapshot).endsWith('}\n')).toBe(true)
  })
})
