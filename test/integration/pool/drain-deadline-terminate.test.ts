/**
 * Drain deadline 'terminate': at the deadline the backend of a connection still in use is ended
 * on the server (pg_terminate_backend), the connection is destroyed, and the drain completes
 * without waiting for the holder.
 */
import { describe, expect, it } from 'vitest'
import type { PoolEvents } from '../../../src/main/engine/pool/engine'
import { until, watchUnhandled } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx

describe("drain with deadline 'terminate'", () => {
  it('ends the busy backend at the deadline and completes the drain', async () => {
    const unhandled = watchUnhandled()
    const p = await fx.start({ max: 2, min: 2 })
    const removed: PoolEvents['removed'][] = []
    p.on('removed', (e) => removed.push(e))
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

    const startedAt = performance.now()
    const outcome = await p.drain({ deadlineMs: 200, onDeadline: 'terminate' })
    const drainedAfter = performance.now() - startedAt
    expect(outcome).toBe('drained')
    expect(p.state).toBe('drained')
    expect(drainedAfter).toBeGreaterThanOrEqual(195)
    expect(drainedAfter).toBeLessThan(1_500)
    expect(removed.find((e) => e.backendPid === pid)).toMatchObject({ reason: 'drain' })

    // The holder's query failed, and the backend is gone from the server (not left sleeping).
    expect(await sleeping).toBeInstanceOf(Error)
    await until(
      'the backend ended on the server',
      () => fx.admin.backendState(pid),
      (s) => s === null,
    )
    await until(
      'no session left',
      () => fx.admin.sessionCount(appName),
      (n) => n === 0,
    )
    // Returning the destroyed connection is a no-op, not an error.
    expect(() => lease.release()).not.toThrow()
    expect(p.stats()).toMatchObject({ total: 0, active: 0 })
    unhandled.stop()
    expect(unhandled.errors).toEqual([])
  })
})
