/**
 * Alerts on real sessions, and the two actions that end them: with small thresholds the idle
 * transaction, the long query and the blocked update each raise an alert; cancelling the query and
 * terminating the idle session make them resolve, and the terminated session leaves the list
 * (issue 6, items 3, 4 and 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/engine/core/clock'
import type { ConnectionPool } from '../../../src/main/engine/pool/engine'
import type { SessionAlert } from '../../../src/main/engine/sessions/alert-types'
import { poolBackendPids } from '../../../src/main/engine/sessions/own-backends'
import { SessionObserver } from '../../../src/main/engine/sessions/session-observer'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'
import { OtherClients, sampleUntil, type OpenClient } from './support/session-clients'

const fx = usePgPoolFixture(__filename)
const table = `lg_sessions_actions_${process.pid}`
const clients = new OtherClients(fx.target)
let pool: ConnectionPool
let observer: SessionObserver
let holder: OpenClient
let sleeper: OpenClient
let waiter: OpenClient
let sleeping: Promise<unknown>
let waiting: Promise<unknown>

beforeAll(async () => {
  await fx.admin.query(`CREATE TABLE ${table} (id int PRIMARY KEY, v int)`)
  await fx.admin.query(`INSERT INTO ${table} VALUES (1, 0)`)
  pool = await fx.start({ max: 3, min: 1, partitions: { monitor: 1 } })
  observer = new SessionObserver({
    acquirer: pool,
    clock: systemClock,
    ownPids: () => poolBackendPids(pool),
    settings: {
      idleInTransactionMs: 200,
      longQueryWarningMs: 300,
      blockedAfterMs: 0,
    },
  })
  holder = await clients.connect({ application: 'lg-holder' })
  await holder.client.query('BEGIN')
  await holder.client.query(`UPDATE ${table} SET v = v + 1 WHERE id = 1`)
  sleeper = await clients.connect({ application: 'lg-sleeper' })
  sleeping = sleeper.client.query('SELECT pg_sleep(30)').then(
    () => 'finished',
    (e: { code?: string }) => e.code,
  )
  waiter = await clients.connect({ application: 'lg-waiter' })
  waiting = waiter.client.query(`UPDATE ${table} SET v = v + 10 WHERE id = 1`).then(
    (r) => r.rowCount,
    (e: { code?: string }) => e.code,
  )
})

afterAll(async () => {
  for (const c of [holder, sleeper, waiter]) if (c) await fx.admin.terminate(c.pid)
  await Promise.all([sleeping, waiting])
  await clients.endAll()
  await fx.admin.query(`DROP TABLE IF EXISTS ${table}`)
})

const activeAlert = (alerts: SessionAlert[], kind: SessionAlert['kind'], pid: number) =>
  alerts.find(
    (a) => a.kind === kind && a.resolvedAt === null && 'session' in a && a.session?.pid === pid,
  )

describe('alerts on real sessions, and cancel and terminate', () => {
  it('raise an alert for each condition, with the server view of the session', async () => {
    await sampleUntil(
      () => observer.sample(),
      'three alerts',
      () => {
        const alerts = observer.alerts()
        return (
          !!activeAlert(alerts, 'idle-in-transaction', holder.pid) &&
          !!activeAlert(alerts, 'long-query', sleeper.pid) &&
          !!activeAlert(alerts, 'blocked', waiter.pid)
        )
      },
    )
    const alerts = observer.alerts()
    expect(activeAlert(alerts, 'idle-in-transaction', holder.pid)).toMatchObject({
      severity: 'warning',
      session: { application: 'lg-holder', state: 'idle in transaction' },
    })
    expect(activeAlert(alerts, 'long-query', sleeper.pid)).toMatchObject({
      session: { query: 'SELECT pg_sleep(30)' },
    })
    expect(activeAlert(alerts, 'blocked', waiter.pid)).toMatchObject({ blockedBy: [holder.pid] })
  })

  it('cancel ends the query (the client sees 57014) and its alert resolves', async () => {
    const result = await observer.cancel(sleeper.pid)
    expect(result).toEqual({
      action: 'cancel',
      pid: sleeper.pid,
      user: fx.target.user,
      application: 'lg-sleeper',
    })
    expect(await sleeping).toBe('57014')
    await sampleUntil(
      () => observer.sample(),
      'the long-query alert resolved',
      () => !activeAlert(observer.alerts(), 'long-query', sleeper.pid),
    )
    // the session itself is still there, now idle
    expect(observer.latest?.sessions.find((s) => s.pid === sleeper.pid)?.state).toBe('idle')
  })

  it('terminate ends the session: it leaves the list, the lock goes, both alerts resolve', async () => {
    await observer.terminate(holder.pid)
    expect(await waiting).toBe(1) // the blocked UPDATE went through
    const snap = await sampleUntil(
      () => observer.sample(),
      'the holder gone',
      (s) => !s.sessions.some((x) => x.pid === holder.pid),
    )
    expect(snap.blocking).toEqual([])
    const alerts = observer.alerts()
    expect(activeAlert(alerts, 'idle-in-transaction', holder.pid)).toBeUndefined()
    expect(activeAlert(alerts, 'blocked', waiter.pid)).toBeUndefined()
    // nothing about these three sessions is active any more (the waiting UPDATE may have been
    // running long enough for a long-query alert of its own: resolved too)
    const ours = new Set([holder.pid, sleeper.pid, waiter.pid])
    const about = alerts.filter((a) => 'session' in a && a.session && ours.has(a.session.pid))
    expect(about.filter((a) => a.resolvedAt === null)).toEqual([])
    expect(new Set(about.map((a) => a.kind))).toEqual(
      new Set(['blocked', 'idle-in-transaction', 'long-query']),
    )
  })

  it("a pid that has ended is 'not-found'", async () => {
    await expect(observer.terminate(holder.pid)).rejects.toMatchObject({
      code: 'not-found',
      message: `pid ${holder.pid} is not a session on this server (it may have ended)`,
    })
  })
})
