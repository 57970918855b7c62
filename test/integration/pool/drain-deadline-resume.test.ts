/**
 * Drain deadline 'resume': when the connection in use is not back by the deadline, the pool
 * returns to running; the held connection stays usable and goes back to idle, and a caller that
 * chose to wait through the drain (waitIfDraining) is served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionPool, PoolEvents } from '../../../src/main/engine/pool/engine'
import {
  AdminSession,
  appNameFor,
  serverPidOf,
  startPgPool,
  until,
} from '../../helpers/pg-pool-harness'
import { pgTarget } from '../../helpers/pg-target'

const target = pgTarget()
const appName = appNameFor(__filename)
let admin: AdminSession
let pool: ConnectionPool | undefined

beforeAll(async () => {
  admin = await AdminSession.open(target)
})
afterAll(async () => {
  await pool?.shutdown()
  await until(
    'pool sessions closed',
    () => admin.sessionCount(appName),
    (n) => n === 0,
  )
  await admin.close()
})

describe("drain with deadline 'resume'", () => {
  it('returns to running at the deadline, keeping the connection in use', async () => {
    const p = (pool = await startPgPool(target, appName, { max: 2, min: 1 }))
    const removed: PoolEvents['removed'][] = []
    p.on('removed', (e) => removed.push(e))
    const lease = await p.acquire({ holder: 'slow' })
    const pid = lease.backendPid!

    const startedAt = performance.now()
    const outcome = p.drain({ deadlineMs: 200, onDeadline: 'resume' })
    expect(p.state).toBe('draining')
    const patient = p.acquire({ waitIfDraining: true, timeoutMs: 2_000 })
    await expect(p.acquire()).rejects.toMatchObject({ code: 'pool-draining' })

    expect(await outcome).toBe('resumed')
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(195)
    expect(p.state).toBe('running')

    // The waiter that chose to wait is served by a new connection after the resume.
    const served = await patient
    expect(await serverPidOf(served)).toBe(served.backendPid)
    expect(served.backendPid).not.toBe(pid)
    served.release()

    // The connection held through the drain still works and returns to idle, not closed.
    expect(await serverPidOf(lease)).toBe(pid)
    lease.release()
    expect(removed).toEqual([])
    expect([...p.entries].map((e) => e.backendPid)).toContain(pid)
    expect(await admin.sessionPids(appName)).toContain(pid)
    const again = await p.acquire()
    expect(await serverPidOf(again)).toBe(again.backendPid)
    again.release()
  })
})
