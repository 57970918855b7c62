/**
 * Drain deadline 'cancel': at the deadline the running query of a connection still in use is
 * cancelled on the server (pg_cancel_backend: 57014); the drain keeps waiting until the holder
 * returns the connection, then ends 'drained' with no session left.
 */
import { describe, expect, it } from 'vitest'
import { until, watchUnhandled } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx

describe("drain with deadline 'cancel'", () => {
  it('cancels the running pg_sleep at the deadline and drains once it is returned', async () => {
    const unhandled = watchUnhandled()
    const p = await fx.start({ max: 2, min: 1 })
    const lease = await p.acquire({ holder: 'sleeper' })
    const pid = lease.backendPid!
    const sleeping = lease.connection.query('SELECT pg_sleep(5)').then(
      () => undefined,
      (e: unknown) => e,
    )
    await until(
      'pg_sleep running',
      () => fx.admin.backendState(pid),
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
    expect(await fx.admin.sessionPids(appName)).toEqual([pid])
    const rows = await lease.connection.query('SELECT pg_backend_pid() AS pid')
    expect(rows.rows).toEqual([{ pid }])

    lease.release()
    await drained
    expect(outcome).toBe('drained')
    expect(p.state).toBe('drained')
    await until(
      'no session left',
      () => fx.admin.sessionCount(appName),
      (n) => n === 0,
    )
    unhandled.stop()
    expect(unhandled.errors).toEqual([])
  })
})
