/**
 * Issue 6 wiring: a connected profile samples its server's sessions, pushes a summary after each
 * sample, serves the latest snapshot, and cancels / terminates through the monitor (own sessions
 * refused). The engine's own behaviours are tested in test/integration/sessions.
 */
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Monitor } from '../../src/main/engine/monitor/monitor'
import type { ServerSummary } from '../../src/shared/sessions'
import { eventually, openMonitor } from '../helpers/monitor-harness'
import { pgTarget } from '../helpers/pg-target'
import { tempDir } from '../helpers/temp-dir'

const target = pgTarget()
let cleanup: () => void
let monitor: Monitor
let other: pg.Client | undefined

beforeEach(() => {
  const made = tempDir()
  cleanup = made.cleanup
  monitor = openMonitor(made.dir)
})
afterEach(async () => {
  await other?.end().catch(() => undefined)
  other = undefined
  await monitor.dispose()
  cleanup()
})

describe('the sessions view of a connected profile', () => {
  it('samples, pushes summaries, and terminates another session but not its own', async () => {
    const summaries: ServerSummary[] = []
    monitor.events.on('sessions:sampled', (s) => summaries.push(s))
    const profile = monitor.saveProfile(undefined, {
      name: 'sessions',
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      sslmode: 'disable',
      password: target.password,
    })
    await monitor.connect(profile.id)
    other = new pg.Client({ ...target, application_name: 'victim <b>app</b>' })
    other.on('error', () => undefined)
    await other.connect()
    const victimPid = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
      .rows[0]!.pid

    await eventually(async () => {
      const view = monitor.sessionsView(profile.id)
      // A sample taken while the client was still logging in shows no application name yet.
      return view.snapshot?.sessions.some((s) => s.pid === victimPid && s.application) === true
    }, 10_000)
    expect(summaries.length).toBeGreaterThan(0)
    expect(summaries.at(-1)?.connections.available).toBeGreaterThan(0)
    const view = monitor.sessionsView(profile.id)
    const victim = view.snapshot!.sessions.find((s) => s.pid === victimPid)!
    expect(victim.application).toBe('victim <b>app</b>')
    const own = view.snapshot!.sessions.find((s) => s.own && !s.sampler)
    expect(own).toBeDefined()

    await expect(monitor.sessionAction(profile.id, 'terminate', own!.pid)).rejects.toMatchObject({
      code: expect.stringMatching(/forbidden|invalid-state|validation/),
    })
    const result = await monitor.sessionAction(profile.id, 'terminate', victimPid)
    expect(result).toMatchObject({ action: 'terminate', pid: victimPid })
    await eventually(async () => {
      const after = monitor.sessionsView(profile.id)
      return after.snapshot?.sessions.every((s) => s.pid !== victimPid) === true
    }, 10_000)
  })
})
