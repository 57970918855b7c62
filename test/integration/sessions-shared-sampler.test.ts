/**
 * Profiles on one server and role share one session sampler (engine/sessions/shared-sampling.ts):
 * one sampling backend serves both, each view marks its own pool's sessions, each raises its own
 * alerts from the shared samples, and the sampling carries on through the other profile when the
 * one that lent its connection disconnects.
 */
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Monitor } from '../../src/main/engine/monitor/monitor'
import type { SessionSnapshot } from '../../src/shared/sessions'
import { eventually, openMonitor } from '../helpers/monitor-harness'
import { pgTarget } from '../helpers/pg-target'
import { tempDir } from '../helpers/temp-dir'

const target = pgTarget()
const tag = `${process.pid}`
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

function addProfile(name: string, applicationName: string) {
  return monitor.saveProfile(undefined, {
    name,
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    sslmode: 'disable',
    password: target.password,
    applicationName,
    settings: { poolMin: 3, poolMax: 4, idleInTransactionAlertMs: 1_000 },
  })
}

const pidsOf = (snap: SessionSnapshot, app: string) =>
  snap.sessions.filter((s) => s.application === app && !s.sampler).map((s) => s.pid)

describe('two profiles on one server', () => {
  it('share one sampler, each with its own marks and alerts, until one disconnects', async () => {
    const appA = `shop-a-${tag}`
    const appB = `shop-b-${tag}`
    const a = addProfile('shop a', appA)
    const b = addProfile('shop b', appB)
    await monitor.connect(a.id)
    await monitor.connect(b.id)
    other = new pg.Client({ ...target, application_name: `lg-shared-idle-${tag}` })
    other.on('error', () => undefined)
    await other.connect()
    await other.query('BEGIN')
    await other.query('SELECT 1')

    // Both pools' warm connections (3 each, one of them lent to the sampler) show up in a sample.
    await eventually(async () => {
      const snap = monitor.sessionsView(b.id).snapshot
      return !!snap && pidsOf(snap, appA).length > 0 && pidsOf(snap, appB).length > 0
    }, 10_000)
    const viewA = monitor.sessionsView(a.id).snapshot!
    const viewB = monitor.sessionsView(b.id).snapshot!
    expect(viewB.samplerPid).toBe(viewA.samplerPid)
    expect(viewB.sampledAt).toBe(viewA.sampledAt)
    const samplerApp = viewA.sessions.find((s) => s.pid === viewA.samplerPid)?.application
    expect(samplerApp).toBe(appA)
    const own = (snap: SessionSnapshot, pids: number[]) =>
      pids.map((pid) => snap.sessions.find((s) => s.pid === pid)?.own)
    expect(own(viewA, pidsOf(viewA, appA)).every((o) => o === true)).toBe(true)
    expect(own(viewA, pidsOf(viewA, appB)).every((o) => o === false)).toBe(true)
    expect(own(viewB, pidsOf(viewB, appB)).every((o) => o === true)).toBe(true)
    expect(own(viewB, pidsOf(viewB, appA)).every((o) => o === false)).toBe(true)

    const idleAlert = (id: string) =>
      monitor
        .sessionsView(id)
        .alerts.some((x) => x.kind === 'idle-in-transaction' && x.resolvedAt === null)
    await eventually(async () => idleAlert(a.id) && idleAlert(b.id), 10_000)

    await monitor.disconnect(a.id)
    await eventually(async () => {
      const snap = monitor.sessionsView(b.id).snapshot
      if (!snap || snap.sampledAt <= viewB.sampledAt) return false
      return snap.sessions.find((s) => s.pid === snap.samplerPid)?.application === appB
    }, 10_000)
  })
})
