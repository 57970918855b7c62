/**
 * The load lab's planted leak on the real server: the pool reports it past its leak threshold, the
 * profile's alert list carries a leak alert naming the holder (matched to its server session once
 * sampled), the Events tab gets 'leak' and 'alert-raised'; when the hold ends, the alert resolves
 * and 'leak-resolved' follows.
 */
import { describe, expect, it } from 'vitest'
import { PLANTED_LEAK_HOLDER } from '../../../src/main/engine/loadlab/workload-settings'
import type { SessionAlert } from '../../../src/shared/sessions'
import { eventually } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { monitorPerTest } from '../../helpers/monitor-per-test'
import { openCockpitMonitor, profileDraft, workload } from './support/cockpit-monitor'

const target = pgTarget()
const monitor = monitorPerTest(openCockpitMonitor)

describe('a planted leak', () => {
  it('raises a leak alert and events, and resolves when the hold ends', async () => {
    const profile = monitor.saveProfile(undefined, profileDraft(target, 'lifeguard-cockpit-leak'))
    await monitor.connect(profile.id)
    let alerts: SessionAlert[] = []
    monitor.events.on('alerts:changed', (e) => {
      if (e.profileId === profile.id) alerts = e.alerts
    })
    monitor.setWorkload(
      profile.id,
      workload({ clients: 1, ratePerSecond: 2, leakEverySeconds: 2, leakHoldMs: 1_500 }),
    )
    await eventually(
      async () => alerts.some((a) => a.kind === 'leak' && a.resolvedAt === null),
      10_000,
    )
    // A leak every 2 s held 1.5 s: they never overlap, so the first one tells its whole story.
    const leak = alerts.find((a) => a.kind === 'leak')!
    if (leak.kind !== 'leak') throw new Error('not a leak')
    expect(leak.leak.holder).toBe(PLANTED_LEAK_HOLDER)
    expect(leak.leak.backendPid).toBeGreaterThan(0)
    expect(leak.message).toContain(PLANTED_LEAK_HOLDER)
    await eventually(
      async () => alerts.some((a) => a.id === leak.id && a.resolvedAt !== null),
      10_000,
    )
    monitor.setWorkload(profile.id, workload({ enabled: false }))

    const events = monitor.listEvents(profile.id, {
      kinds: ['leak', 'leak-resolved', 'alert-raised', 'alert-resolved'],
    })
    const kinds = events.events.map((e) => e.kind).reverse()
    expect(kinds.slice(0, 4)).toEqual(['leak', 'alert-raised', 'leak-resolved', 'alert-resolved'])
    const leakEvent = events.events.find((e) => e.kind === 'leak')!
    expect(leakEvent).toMatchObject({ severity: 'warning', data: { holder: PLANTED_LEAK_HOLDER } })
    expect(JSON.stringify(events)).not.toContain(target.password)
  })
})
