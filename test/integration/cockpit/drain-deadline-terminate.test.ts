/**
 * A drain with a deadline and 'terminate': a pg_sleep the workload holds is ended on the server at
 * the deadline, and the drain completes without waiting for it.
 */
import { describe, expect, it } from 'vitest'
import { eventually, sessionsNamed } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { monitorPerTest } from '../../helpers/monitor-per-test'
import {
  openCockpitMonitor,
  profileDraft,
  sleepingBackends,
  statusOf,
  workload,
} from './support/cockpit-monitor'

const target = pgTarget()
const APP = 'lifeguard-cockpit-deadline'
const monitor = monitorPerTest(openCockpitMonitor)

describe("drain deadline 'terminate'", () => {
  it('ends the held pg_sleep at the deadline and completes the drain', async () => {
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

    const started = performance.now()
    monitor.drain(profile.id, { deadlineMs: 500, onDeadline: 'terminate' })
    await eventually(async () => statusOf(monitor, profile.id).drain?.phase === 'drained', 10_000)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(statusOf(monitor, profile.id)).toMatchObject({
      state: 'connected',
      poolState: 'drained',
      drain: { deadlinePassed: true, onDeadline: 'terminate', inUse: 0 },
    })
    // The server ended that backend rather than letting it sleep on.
    await eventually(async () => {
      const rows = await sleepingBackends(target, APP)
      return !rows.includes(sleeping[0]!)
    })
    await eventually(async () => (await sessionsNamed(target, APP)) === 0)
    // A failure after the workload stopped is not counted against it.
    expect(monitor.getWorkload(profile.id)).toMatchObject({ running: false, failed: 0 })
  })
})
