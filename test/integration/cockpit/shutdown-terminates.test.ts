/**
 * Shutdown ends the pool at once: a connection in use (a workload's pg_sleep) is destroyed and its
 * backend terminated; the server agrees (the backend is gone), and the profile is disconnected.
 */
import { describe, expect, it } from 'vitest'
import { adminQuery, eventually, sessionsNamed } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { monitorPerTest } from '../../helpers/monitor-per-test'
import {
  openCockpitMonitor,
  profileDraft,
  sleepingBackends,
  workload,
} from './support/cockpit-monitor'

const target = pgTarget()
const APP = 'lifeguard-cockpit-shutdown'
const monitor = monitorPerTest(openCockpitMonitor)

describe('shutdown', () => {
  it('terminates the backend in use and disconnects', async () => {
    const profile = monitor.saveProfile(undefined, profileDraft(target, APP))
    await monitor.connect(profile.id)
    monitor.setWorkload(
      profile.id,
      workload({ clients: 1, ratePerSecond: 0.1, query: 'sleep', sleepMs: 30_000 }),
    )
    let sleeping: number[] = []
    await eventually(
      async () => (sleeping = await sleepingBackends(target, APP)).length === 1,
      10_000,
    )

    const result = await monitor.shutdown(profile.id)
    expect(result.terminated).toBeGreaterThanOrEqual(1)
    expect(result.terminated + result.closed).toBeGreaterThanOrEqual(2)
    expect(result.status).toMatchObject({ state: 'disconnected', poolState: null })
    await eventually(async () => {
      const rows = await adminQuery<{ n: number }>(
        target,
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1',
        [sleeping[0]],
      )
      return rows[0]?.n === 0
    })
    await eventually(async () => (await sessionsNamed(target, APP)) === 0)
    await expect(monitor.shutdown(profile.id)).rejects.toMatchObject({ code: 'invalid-state' })
  })
})
