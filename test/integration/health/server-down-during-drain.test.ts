/**
 * A database that goes away while its pool drains (a DBA drained it for maintenance) is still
 * seen: the drained pool would refuse the health probe, so the probe runs on a connection of its
 * own, and the profile is `failed` within probe interval + probe timeout + 1 s of the fast
 * shutdown, with the pool still drained. When the server is back the profile is `connected`
 * again, the pool stays drained (it opens nothing until Resume), and Resume brings it back to
 * `min` with working connections. Probe and backoff scaled (0.5 s; server-down-marks-failed.test.ts
 * explains why the base is scaled too).
 *
 * The probes aside must not get in the way of the maintenance a drain is for: with a probe every
 * 100 ms (twenty times the default rate), `DROP DATABASE` of the drained profile's database
 * succeeds (PostgreSQL waits up to 5 s for other sessions to leave; a probe's connection lives for
 * milliseconds), and the profile then says the database is gone. Its own server: this file stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AdminSession, until } from '../../helpers/pg-pool-harness'
import {
  paramsFor,
  recordedSession,
  sizing,
  startOwnServer,
  type OwnServer,
  type RecordedSession,
} from '../../helpers/pg-server-control'

const APP = 'lg-health-drain-down'
let server: OwnServer
let rec: RecordedSession | undefined

beforeAll(async () => {
  server = await startOwnServer()
})
afterAll(async () => {
  await rec?.close()
  await server.dispose()
})

describe('the server goes away during a drain', () => {
  it('failed while drained, connected again, and Resume refills the pool', async () => {
    const r = (rec = recordedSession({
      probeIntervalMs: 500,
      probeTimeoutMs: 500,
      backoffBaseMs: 500,
      backoffCapMs: 2_000,
    }))
    const s = r.settings
    const min = 2
    await r.session.connect(paramsFor(server.address, { applicationName: APP }), sizing({ min }))
    await until(
      'pool at min',
      () => r.session.status().pool?.total,
      (n) => n === min,
    )

    r.session.drain({})
    await until(
      'drained',
      () => r.session.status().poolState,
      (p) => p === 'drained',
    )
    expect(r.session.status().pool).toMatchObject({ total: 0 })
    // Probes aside, and they pass: each pushes the status (with its latency), all connected.
    const drainedAt = performance.now()
    const seen = () => r.statuses.filter((x) => x.t > drainedAt).map((x) => x.value)
    await until(
      'three probes aside',
      () => seen().length,
      (n) => n >= 3,
    )
    expect(seen().every((x) => x.state === 'connected' && x.poolState === 'drained')).toBe(true)
    expect(r.session.state).toBe('connected')
    expect(r.attempts.filter((a) => a.t >= drainedAt)).toEqual([])

    const before = performance.now()
    await server.stop()
    const bound = s.probeIntervalMs + s.probeTimeoutMs + 1_000
    const failedAt = await r.reach('failed', bound + 2_000, before)
    const tookMs = failedAt - before
    console.info(`drained and stopped: failed after ${Math.round(tookMs)} ms (bound ${bound} ms)`)
    expect(tookMs).toBeLessThanOrEqual(bound)
    const down = r.session.status()
    expect(down).toMatchObject({ state: 'failed', poolState: 'drained', pool: { total: 0 } })
    expect(down.error?.code).toBe('connection-refused')
    const failures = r.attempts.filter((a) => a.t >= before).map((a) => a.value)
    expect(failures.map((a) => [a.trigger, a.outcome])).toEqual([
      ['probe', 'failure'],
      ['scheduled', 'failure'],
    ])

    await server.start()
    const upAt = performance.now()
    await r.reach('connected', s.backoffCapMs + 2_000, upAt)
    const back = r.session.status()
    expect(back).toMatchObject({ poolState: 'drained', pool: { total: 0 } })

    r.session.resume()
    await until(
      'pool refilled',
      () => r.session.status().pool?.total,
      (n) => n === min,
    )
    const lease = await r.session.acquire({ holder: 'after resume' })
    try {
      const result = await lease.connection.query('SELECT 42 AS answer')
      expect(result.rows).toEqual([{ answer: 42 }])
    } finally {
      lease.release()
    }
    const admin = await AdminSession.open(server.address)
    try {
      await until(
        'pool backends on the server',
        () => admin.sessionPids(APP),
        (pids) => pids.length >= min,
      )
    } finally {
      await admin.close()
    }
    expect(r.session.state).toBe('connected')
  })

  it('DROP DATABASE of a drained profile succeeds while it probes aside every 100 ms', async () => {
    if (!server.isRunning) await server.start()
    const admin = await AdminSession.open(server.address)
    try {
      await admin.query('CREATE DATABASE lg_drop_me')
      const r = recordedSession({ probeIntervalMs: 100, probeTimeoutMs: 500 })
      try {
        const params = {
          ...paramsFor(server.address, { applicationName: APP }),
          database: 'lg_drop_me',
        }
        await r.session.connect(params, sizing({ min: 2 }))
        r.session.drain({})
        await until(
          'drained',
          () => r.session.status().poolState,
          (p) => p === 'drained',
        )
        const drainedAt = performance.now()
        await until(
          'ten probes aside',
          () => r.statuses.filter((x) => x.t > drainedAt).length,
          (n) => n >= 10,
        )
        const dropStart = performance.now()
        await admin.query('DROP DATABASE lg_drop_me')
        console.info(`DROP DATABASE took ${Math.round(performance.now() - dropStart)} ms`)
        const gone = await r.waitFor(
          'the database is gone',
          (x) => x.state !== 'connected',
          5_000,
          drainedAt,
        )
        expect(gone.value.error?.code).toBe('unknown-database')
        expect(gone.value.poolState).toBe('drained')
      } finally {
        await r.close()
      }
    } finally {
      await admin.query('DROP DATABASE IF EXISTS lg_drop_me WITH (FORCE)').catch(() => undefined)
      await admin.close()
    }
  })
})
