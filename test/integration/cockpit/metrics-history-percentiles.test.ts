/**
 * metrics:get-history on the real server: the recorded points carry the acquire-wait p50, p95 and
 * p99 (a workload with more clients than the pool lends makes callers wait), for the 1 s ranges
 * and the 1 min one.
 */
import { describe, expect, it } from 'vitest'
import { eventually } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { monitorPerTest } from '../../helpers/monitor-per-test'
import { openCockpitMonitor, profileDraft, workload } from './support/cockpit-monitor'

const target = pgTarget()
const monitor = monitorPerTest(openCockpitMonitor)

describe('metrics history', () => {
  it('returns points with the wait percentiles', async () => {
    // Pool of 4: two connections reserved for Lifeguard, two for the workload's six clients.
    const profile = monitor.saveProfile(
      undefined,
      profileDraft(target, 'lifeguard-cockpit-history', 4),
    )
    await monitor.connect(profile.id)
    monitor.setWorkload(
      profile.id,
      workload({ clients: 6, ratePerSecond: 30, query: 'sleep', sleepMs: 100 }),
    )
    await eventually(async () => {
      const points = monitor.metricsHistory(profile.id, '5m').points
      return points.length >= 3 && (points.at(-1)?.stats.waitP95Ms ?? 0) > 0
    }, 15_000)
    const series = monitor.metricsHistory(profile.id, '5m')
    expect(series).toMatchObject({ profileId: profile.id, range: '5m', resolutionMs: 1000 })
    const last = series.points.at(-1)!
    expect(last.stats.waitP50Ms).toBeGreaterThanOrEqual(0)
    expect(last.stats.waitP95Ms).toBeGreaterThan(0)
    expect(last.stats.waitP99Ms).toBeGreaterThanOrEqual(last.stats.waitP95Ms)
    expect(last.stats.waitP95Ms).toBeGreaterThanOrEqual(last.stats.waitP50Ms)
    expect(last.stats.acquires).toBeGreaterThan(0)
    for (let i = 1; i < series.points.length; i++)
      expect(series.points[i]!.at).toBeGreaterThan(series.points[i - 1]!.at)
    const day = monitor.metricsHistory(profile.id, '24h')
    expect(day.resolutionMs).toBe(60_000)
    expect(day.points.length).toBeGreaterThanOrEqual(1)
    expect(day.points.at(-1)!.stats.waitP99Ms).toBeGreaterThan(0)
  })
})
