/**
 * A wrong password: connect() rejects with 'auth-failed', the profile is `failed` with a permanent
 * error class, and the server sees no more login attempts than the retry policy for permanent
 * errors allows (every attempt is one TCP connection, counted by a fault proxy in front of the
 * server that forwards everything untouched): with the real defaults none after the first (the
 * next waits for the 60 s backoff cap); with the cap scaled to 0.5 s, one per 0.4 to 0.5 s. The
 * password appears in no status, error, timeline record, event payload or file the Monitor wrote.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Monitor } from '../../../src/main/engine/monitor/monitor'
import type { HealthSettings } from '../../../src/main/engine/health/health-settings'
import type { EventPayloads } from '../../../src/shared/contract'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { healthSettings, hold, monitorAt } from '../../helpers/pg-server-control'
import { pgTarget } from '../../helpers/pg-target'
import { tempDir } from '../../helpers/temp-dir'

/** How long the login attempts are counted after connect() rejected. */
const WINDOW_MS = 2_000
const target = pgTarget()
let proxy: FaultProxy
const cleanups: (() => Promise<void> | void)[] = []

beforeAll(async () => {
  proxy = await startFaultProxy({ target })
})
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  await proxy.close()
})

/** Every file under `dir`, as text. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
}

/** A Monitor with one profile whose password is wrong; every event it emits is kept. */
function openWrongPassword(health: Partial<HealthSettings>) {
  const { dir, cleanup } = tempDir('lg-health-auth-')
  cleanups.push(cleanup)
  // A canary: long and random, so finding it anywhere can only mean it leaked.
  const password = `canary-${randomBytes(12).toString('hex')}`
  const { monitor, profileId } = monitorAt(dir, target, { route: proxy, password, health })
  cleanups.push(() => monitor.dispose())
  const events: unknown[] = []
  const channels: (keyof EventPayloads)[] = [
    'connection:state-changed',
    'health:attempt-recorded',
    'pool:stats-changed',
    'profiles:changed',
    'app:warning-raised',
  ]
  for (const channel of channels) monitor.events.on(channel, (payload) => events.push(payload))
  return { monitor, profileId, password, dir, events }
}

/** Connects, expects the rejection, and returns it. */
async function connectRejected(monitor: Monitor, profileId: string): Promise<unknown> {
  const error = await monitor.connect(profileId).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toMatchObject({ code: 'auth-failed' })
  return error
}

describe('a wrong password', () => {
  it('fails permanently and is not retried within the 60 s cap (the real defaults)', async () => {
    const { monitor, profileId } = openWrongPassword({})
    const before = proxy.accepted
    await connectRejected(monitor, profileId)
    const status = monitor.snapshot().statuses[0]!
    expect(status).toMatchObject({
      state: 'failed',
      error: { code: 'auth-failed' },
      health: { errorClass: 'permanent', breaker: 'closed' },
    })
    // The only retry is scheduled at the backoff cap (60 s, less up to 20 % jitter).
    const cap = healthSettings().backoffCapMs
    expect(status.health!.nextAttemptAt! - Date.now()).toBeGreaterThan(cap * 0.8 - 1_000)

    await hold(WINDOW_MS)
    expect(proxy.accepted - before).toBe(1)
    expect(monitor.healthTimeline(profileId).attempts).toHaveLength(1)
  })

  it('retries at the backoff cap only, and the password shows up nowhere', async () => {
    const health = { backoffBaseMs: 200, backoffCapMs: 500 }
    const { monitor, profileId, password, dir, events } = openWrongPassword(health)
    const settings = healthSettings(health)
    const before = proxy.accepted
    const error = await connectRejected(monitor, profileId)
    const rejectedAt = performance.now()
    await hold(WINDOW_MS)
    const seenMs = performance.now() - rejectedAt

    // At most one attempt per shortest capped delay (0.4 s), after the first.
    const logins = proxy.accepted - before
    const most = 1 + Math.floor(seenMs / (settings.backoffCapMs * (1 - settings.backoffJitter)))
    console.info(
      `${logins} login attempts reached the server in ${Math.round(seenMs)} ms (at most ${most})`,
    )
    expect(logins).toBeGreaterThanOrEqual(2)
    expect(logins).toBeLessThanOrEqual(most)
    const timeline = monitor.healthTimeline(profileId)
    // One connection per recorded attempt (the last may still be under way); the pool opened none.
    expect(logins - timeline.attempts.length).toBeGreaterThanOrEqual(0)
    expect(logins - timeline.attempts.length).toBeLessThanOrEqual(1)
    expect(timeline.status).toMatchObject({ state: 'failed', health: { errorClass: 'permanent' } })
    expect(timeline.attempts.map((a) => [a.outcome, a.errorCode, a.errorClass])).toEqual(
      timeline.attempts.map(() => ['failure', 'auth-failed', 'permanent']),
    )
    // Each delay after the first attempt is a capped one.
    for (const a of timeline.attempts.slice(1))
      expect(a.scheduledDelayMs).toBeGreaterThanOrEqual(
        settings.backoffCapMs * (1 - settings.backoffJitter),
      )

    // The password is nowhere: not in the error (with its cause chain), any status, timeline
    // record or event payload, nor in any file the Monitor wrote.
    const places: Record<string, string> = {
      error: inspect(error, { depth: 10, showHidden: true }),
      errorInfo: JSON.stringify((error as { toInfo(): unknown }).toInfo()),
      snapshot: JSON.stringify(monitor.snapshot()),
      timeline: JSON.stringify(timeline),
      events: JSON.stringify(events),
      files: filesUnder(dir).join('\n'),
    }
    expect(events.length).toBeGreaterThan(3)
    expect(places['files']).toContain(profileId) // the profile file is there, and read
    const leaks = Object.entries(places)
      .filter(([, text]) => text.includes(password))
      .map(([where]) => where)
    expect(leaks).toEqual([])
  })
})
