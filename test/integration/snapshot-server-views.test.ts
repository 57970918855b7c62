/**
 * monitor:get-snapshot carries each watched profile's server view (alerts and the summary of its
 * latest sessions sample, not the sessions), so a page that has just loaded asks for no session
 * list per profile; a disconnected profile is not listed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Monitor } from '../../src/main/engine/monitor/monitor'
import { eventually, openMonitor } from '../helpers/monitor-harness'
import { pgTarget } from '../helpers/pg-target'
import { tempDir } from '../helpers/temp-dir'

const target = pgTarget()
let cleanup: () => void
let monitor: Monitor

beforeEach(() => {
  const made = tempDir()
  cleanup = made.cleanup
  monitor = openMonitor(made.dir)
})
afterEach(async () => {
  await monitor.dispose()
  cleanup()
})

const draft = (name: string) => ({
  name,
  host: target.host,
  port: target.port,
  database: target.database,
  user: target.user,
  sslmode: 'disable' as const,
  password: target.password,
})

describe('the monitor snapshot', () => {
  it('carries the server view of each watched profile, without its sessions', async () => {
    const watched = monitor.saveProfile(undefined, draft('watched'))
    const idle = monitor.saveProfile(undefined, draft('not connected'))
    await monitor.connect(watched.id)
    await eventually(async () => monitor.sessionsView(watched.id).snapshot !== null, 10_000)
    const snap = monitor.snapshot()
    expect(snap.servers?.map((v) => v.profileId)).toEqual([watched.id])
    const [view] = snap.servers!
    const latest = monitor.sessionsView(watched.id).snapshot!
    expect(view).toEqual({
      profileId: watched.id,
      summary: {
        profileId: watched.id,
        sampledAt: latest.sampledAt,
        connections: latest.connections,
        counts: latest.counts,
        sampleMs: latest.sampleMs,
      },
      alerts: monitor.sessionsView(watched.id).alerts,
    })
    expect(JSON.stringify(view)).not.toContain('"sessions"')
    expect(snap.statuses.find((s) => s.profileId === idle.id)?.state).toBe('disconnected')
  })
})
