/**
 * Issue 8, control: a drain of a pool held by a load-lab workload on the real server. The drain
 * answers at once, its progress counts the connections still in use down to 0, the pool ends
 * 'drained' with every server session of the profile gone while the profile stays 'connected';
 * resume brings the pool back to 'running' with fresh connections and healthy probes.
 */
import { describe, expect, it } from 'vitest'
import type { ProfileStatus } from '../../../src/shared/domain'
import { eventually, sessionsNamed } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { monitorPerTest } from '../../helpers/monitor-per-test'
import { openCockpitMonitor, profileDraft, statusOf, workload } from './support/cockpit-monitor'

const target = pgTarget()
const APP = 'lifeguard-cockpit-drain'
const monitor = monitorPerTest(openCockpitMonitor)

describe('drain under a workload', () => {
  it('drains to 0 in use, stays connected, and resumes with healthy probes', async () => {
    const profile = monitor.saveProfile(undefined, profileDraft(target, APP))
    await monitor.connect(profile.id)
    monitor.setWorkload(
      profile.id,
      workload({ clients: 3, ratePerSecond: 6, query: 'sleep', sleepMs: 1_200 }),
    )
    await eventually(async () => (statusOf(monitor, profile.id).pool?.active ?? 0) >= 3, 10_000)

    const pushed: ProfileStatus[] = []
    monitor.events.on(
      'connection:state-changed',
      (s) => s.profileId === profile.id && pushed.push(s),
    )
    const answer = monitor.drain(profile.id, {})
    expect(answer).toMatchObject({
      state: 'connected',
      poolState: 'draining',
      drain: { phase: 'draining' },
    })
    expect(answer.drain!.inUseAtStart).toBeGreaterThanOrEqual(3)
    expect(monitor.getWorkload(profile.id).running).toBe(false)

    await eventually(async () => statusOf(monitor, profile.id).drain?.phase === 'drained', 10_000)
    const drained = statusOf(monitor, profile.id)
    expect(drained).toMatchObject({ state: 'connected', poolState: 'drained', drain: { inUse: 0 } })
    expect(drained.pool).toMatchObject({ total: 0, active: 0 })
    // The progress went down step by step, never up, to 0.
    const progress = pushed.map((s) => s.drain?.inUse).filter((n): n is number => n !== undefined)
    expect(progress.at(-1)).toBe(0)
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!).toBeLessThanOrEqual(progress[i - 1]!)
    expect(new Set(progress).size).toBeGreaterThanOrEqual(2)
    expect(pushed.every((s) => s.state === 'connected')).toBe(true)
    // The server agrees: no session of this profile is left.
    await eventually(async () => (await sessionsNamed(target, APP)) === 0)

    const resumed = monitor.resume(profile.id)
    expect(resumed).toMatchObject({ poolState: 'running', drain: { phase: 'resumed' } })
    const afterResume = pushed.length
    await eventually(async () => {
      const s = statusOf(monitor, profile.id)
      return (
        s.health?.level === 'healthy' &&
        (s.pool?.total ?? 0) >= 2 &&
        pushed.length > afterResume + 1
      )
    }, 10_000)
    expect(statusOf(monitor, profile.id)).toMatchObject({
      state: 'connected',
      poolState: 'running',
    })
    expect(statusOf(monitor, profile.id).health?.latencyMs).not.toBeNull()
    expect(monitor.getWorkload(profile.id).running).toBe(true)
    await eventually(async () => (await sessionsNamed(target, APP)) >= 2)
  })
})
