/**
 * Drain deadline 'cancel': at the deadline the running query of a connection still in use is
 * cancelled on the server (pg_cancel_backend: 57014); the drain keeps waiting until the holder
 * returns the connection, then ends 'drained' with no session left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionPool } from '../../../src/main/engine/pool/engine'
import {
  AdminSession,
  appNameFor,
  startPgPool,
  until,
  watchUnhandled,
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

describe("drain with deadline 'cancel'", () => {
  it('cancels the running pg_sleep at the deadline and drains once it is returned', async () => {
    const unhandled = watchUnhandled()
    const p = (pool = await startPgPool(target, appName, { max: 2, min: 1 }))
    const lease = await p.acquire({ holder: 'sleeper' })
    const pid = lease.backendPid!
    const sleeping = lease.connection.query('SELECT pg_sleep(5)').then(
      () => undefined,
      (e: unknown) => e,
    )
    await until(
      'pg_sleep running',
      () => admin.backendState(pid),
      (s) => Boolean(s?.state === 'active' && s.query.includes('pg_sleep')),
    )

    let outcome: string | undefined
    const startedAt = performance.now()
    const drained = p.drain({ deadlineMs: 200, onDeadline: 'cancel' }).then((o) => (outcome = o))
    const error = await sleeping
    const cancelledAfter = performance.now() - startedAt
    expect(error).toMatchObject({ code: '57014', message: expect.stringContaining('cancel') })
    expect(cancelledAfter).toBeGreaterThanOrEqual(195)
    expect(cancelledAfter).toBeLessThan(1_500)

    // Cancelled, not killed: the backend lives on and the drain still waits for the holder.
    expect(p.state).toBe('draining')
    expect(outcome).toBeUndefined()
    expect(await admin.sessionPids(appName)).toEqual([pid])
    const rows = await lease.connection.query('SELECT pg_backend_pid() AS pid')
    expect(rows.rows).toEqual([{ pid }])

    lease.release()
    await drained
    expect(outcome).toBe('drained')
    expect(p.state).toBe('drained')
    await until(
      'no session left',
      () => admin.sessionCount(appName),
      (n) => n === 0,
    )
    unhandled.stop()
    expect(unhandled.errors).toEqual([])
  })
})
