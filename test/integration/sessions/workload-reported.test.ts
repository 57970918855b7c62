/**
 * The sampler on a real profile session (through its breaker and its reserved 'monitor'
 * partition) reports what other clients do on the server: a session idle in transaction, a long
 * pg_sleep query and an UPDATE blocked by the first, with the settings that frame them
 * (issue 6, item 1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/engine/core/clock'
import { defaults } from '../../../src/main/engine/defaults'
import { healthDefaults } from '../../../src/main/engine/health/health-settings'
import { ProfileSession } from '../../../src/main/engine/monitor/profile-session'
import { poolBackendPids } from '../../../src/main/engine/sessions/own-backends'
import { SessionSampler } from '../../../src/main/engine/sessions/session-sampler'
import type { ServerSession } from '../../../src/main/engine/sessions/session-types'
import { AdminSession } from '../../helpers/pg-pool-harness'
import { pgTarget } from '../../helpers/pg-target'
import { OtherClients, sampleUntil, type OpenClient } from './support/session-clients'

const target = pgTarget()
const table = `lg_sessions_workload_${process.pid}`
const clients = new OtherClients(target)
let admin: AdminSession
let profile: ProfileSession
let sampler: SessionSampler
let holder: OpenClient
let sleeper: OpenClient
let waiter: OpenClient
const pending: Array<Promise<unknown>> = []

beforeAll(async () => {
  admin = await AdminSession.open(target)
  await admin.query(`CREATE TABLE ${table} (id int PRIMARY KEY, v int)`)
  await admin.query(`INSERT INTO ${table} VALUES (1, 0)`)
  profile = new ProfileSession('sessions-workload', {
    clock: systemClock,
    health: healthDefaults,
    onStatus: () => undefined,
    onStats: () => undefined,
    onAttempt: () => undefined,
  })
  await profile.connect(
    {
      ...target,
      sslmode: 'disable',
      applicationName: 'lifeguard-sessions-test',
      connectTimeoutMs: 5_000,
    },
    { ...defaults.pool, min: 1 },
  )
  sampler = new SessionSampler({
    acquirer: profile,
    clock: systemClock,
    ownPids: () => poolBackendPids(profile.pool),
  })
  holder = await clients.connect({ application: 'lg-holder' })
  await holder.client.query('BEGIN')
  await holder.client.query(`UPDATE ${table} SET v = v + 1 WHERE id = 1`)
  sleeper = await clients.connect({ application: 'lg-sleeper' })
  pending.push(sleeper.client.query('SELECT pg_sleep(30) /* lg-sleeper */').catch(() => undefined))
  waiter = await clients.connect({ application: 'lg-waiter' })
  pending.push(
    waiter.client.query(`UPDATE ${table} SET v = v + 10 WHERE id = 1`).catch(() => undefined),
  )
})

afterAll(async () => {
  for (const c of [holder, sleeper, waiter]) if (c) await admin.terminate(c.pid)
  await Promise.all(pending)
  await clients.endAll()
  await profile?.disconnect()
  await admin?.query(`DROP TABLE IF EXISTS ${table}`)
  await admin?.close()
})

const find = (sessions: ServerSession[], pid: number) => sessions.find((s) => s.pid === pid)

describe('the session sampler against real clients', () => {
  it('reports the idle transaction, the long query and the blocked update', async () => {
    const snap = await sampleUntil(
      () => sampler.sample(),
      'the three sessions in their states',
      (s) =>
        find(s.sessions, holder.pid)?.state === 'idle in transaction' &&
        find(s.sessions, sleeper.pid)?.waitEvent === 'PgSleep' &&
        (find(s.sessions, waiter.pid)?.blockedBy.length ?? 0) > 0,
    )
    expect(find(snap.sessions, holder.pid)).toMatchObject({
      application: 'lg-holder',
      user: target.user,
      database: target.database,
      backendType: 'client backend',
      clientAddress: '127.0.0.1',
      query: `UPDATE ${table} SET v = v + 1 WHERE id = 1`,
      queryHidden: false,
      blockedBy: [],
      own: false,
    })
    expect(find(snap.sessions, holder.pid)!.xactStart).not.toBeNull()
    expect(find(snap.sessions, sleeper.pid)).toMatchObject({
      state: 'active',
      waitEventType: 'Timeout',
      waitEvent: 'PgSleep',
      query: 'SELECT pg_sleep(30) /* lg-sleeper */',
    })
    expect(find(snap.sessions, waiter.pid)).toMatchObject({
      state: 'active',
      waitEventType: 'Lock',
      blockedBy: [holder.pid],
    })
    expect(snap.blocking).toEqual([
      {
        rootPid: holder.pid,
        cycle: false,
        blocked: [{ pid: waiter.pid, blockedBy: [holder.pid], depth: 1 }],
      },
    ])
    expect(snap.longestQuery?.pid).toBe(sleeper.pid)
    expect(snap.oldestTransaction?.pid).toBe(holder.pid)
    expect(snap.counts.idleInTransaction).toBeGreaterThanOrEqual(1)
    expect(snap.counts.active).toBeGreaterThanOrEqual(3) // sleeper, waiter, the sampler
    expect(snap.waitEvents).toEqual(
      expect.arrayContaining([
        { type: 'Timeout', event: 'PgSleep', count: 1 },
        expect.objectContaining({ type: 'Lock' }),
      ]),
    )
    expect(snap.byApplication.find((e) => e.key === 'lg-holder')).toEqual({
      key: 'lg-holder',
      total: 1,
      active: 0,
      idleInTransaction: 1,
    })
  })

  it('frames them with the server settings and counts the connections in use', async () => {
    const settings = await admin.query<{
      max: number
      su: number
      reserved: number
      version: number
    }>(
      `SELECT current_setting('max_connections')::int AS max,
              current_setting('superuser_reserved_connections')::int AS su,
              coalesce(current_setting('reserved_connections', true)::int, 0) AS reserved,
              current_setting('server_version_num')::int AS version`,
    )
    const { max, su, reserved, version } = settings[0]!
    const snap = await sampler.sample()
    const server = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'",
    )
    expect(snap.serverVersionNum).toBe(version)
    expect(snap.connections).toMatchObject({
      maxConnections: max,
      superuserReserved: su,
      reserved,
      available: max - su - reserved,
      includesHidden: false,
    })
    // the same clients, give or take the health checker's short-lived probe connection
    expect(Math.abs(snap.connections.used - server[0]!.n)).toBeLessThanOrEqual(1)
    expect(snap.seesAllSessions).toBe(true)
    expect(snap.sampleMs).toBeGreaterThan(0)
  })

  it("marks the profile pool's sessions, and only those, as Lifeguard's own", async () => {
    const snap = await sampler.sample()
    const own = snap.sessions
      .filter((s) => s.own)
      .map((s) => s.pid)
      .sort((a, b) => a - b)
    const poolPids = poolBackendPids(profile.pool).sort((a, b) => a - b)
    expect(poolPids.length).toBeGreaterThan(0)
    expect(own).toEqual(expect.arrayContaining(poolPids))
    expect(snap.sessions.find((s) => s.sampler)?.pid).toBe(snap.samplerPid)
    for (const c of [holder, sleeper, waiter]) expect(find(snap.sessions, c.pid)?.own).toBe(false)
    for (const s of snap.sessions.filter((x) => x.own))
      expect(poolPids.includes(s.pid) || s.application?.startsWith('lifeguard')).toBe(true)
  })
})
