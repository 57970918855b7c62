/**
 * A profile that failed because its server stopped is `connected` again at the first reconnect
 * attempt scheduled after the server is back: within 1 s of the time that attempt was scheduled
 * for (the `nextAttemptAt` of the failure record before it). Then the pool is refilled to `min`
 * with fresh backends, acquire works, and the breaker (opened during the outage) is closed.
 * Its own server: this file stops it.
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

const APP = 'lg-health-restart'
let server: OwnServer
let rec: RecordedSession | undefined

beforeAll(async () => {
  server = await startOwnServer()
})
afterAll(async () => {
  await rec?.close()
  await server.dispose()
})

describe('the server restarts', () => {
  it('reconnects at the next scheduled attempt, refills the pool, closes the breaker', async () => {
    const r = (rec = recordedSession({
      probeIntervalMs: 500,
      probeTimeoutMs: 500,
      backoffBaseMs: 200,
      backoffCapMs: 800,
      // Short, so the breaker opens during the outage and its closing can be seen.
      unavailableAfterMs: 300,
    }))
    const min = 2
    await r.session.connect(paramsFor(server.address, { applicationName: APP }), sizing({ min }))
    const admin = await AdminSession.open(server.address)
    const pidsBefore = new Set(await admin.sessionPids(APP))
    await admin.close()
    expect(pidsBefore.size).toBe(min)

    const stoppedAt = performance.now()
    await server.stop()
    await r.reach('failed', 3_000, stoppedAt)
    await r.waitFor('breaker open', (s) => s.health?.breaker === 'open', 2_000, stoppedAt)

    await server.start()
    const upAt = performance.now()
    const upWall = Date.now()
    const connected = await r.waitFor(
      'connected again',
      (s) => s.state === 'connected',
      r.settings.backoffCapMs + 2_000,
      upAt,
    )

    // The attempt that succeeded, and when the failure before it scheduled it for.
    const records = r.attempts.map((a) => a.value)
    const successIndex = records.findIndex((a, i) => i > 0 && a.outcome === 'success')
    const success = records[successIndex]!
    const previous = records[successIndex - 1]!
    expect(previous.outcome).toBe('failure')
    const plannedAt = previous.nextAttemptAt!
    // No attempt failed once the server was up: the first one after it came back succeeded.
    expect(records.filter((a) => a.at >= upWall && a.outcome === 'failure')).toEqual([])
    expect(success.trigger).toBe('scheduled')
    // The wait for it was at most one capped backoff delay.
    expect(plannedAt - upWall).toBeLessThanOrEqual(r.settings.backoffCapMs)

    const lateMs = connected.value.since - plannedAt
    console.info(
      `connected ${Math.round(connected.t - upAt)} ms after the server was up, ` +
        `${lateMs} ms after the attempt was scheduled for`,
    )
    expect(lateMs).toBeLessThanOrEqual(1_000)

    // The pool refills to min by itself, with new backends (nothing from before the restart).
    await until(
      'pool refilled to min',
      () => r.session.status().pool?.total ?? 0,
      (n) => n >= min,
      1_000,
    )
    const again = await AdminSession.open(server.address)
    try {
      const pidsAfter = await until(
        'server sees the refilled pool',
        () => again.sessionPids(APP),
        (pids) => pids.length === r.session.status().pool?.total,
        1_000,
      )
      expect(pidsAfter.filter((pid) => pidsBefore.has(pid))).toEqual([])
    } finally {
      await again.close()
    }

    // Acquire works and the breaker is closed again.
    const lease = await r.session.acquire({ timeoutMs: 1_000 })
    try {
      expect((await lease.connection.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    } finally {
      lease.release()
    }
    expect(r.session.status()).toMatchObject({
      state: 'connected',
      error: null,
      health: { breaker: 'closed', consecutiveFailures: 0, unreachableSince: null },
    })
  })
})
