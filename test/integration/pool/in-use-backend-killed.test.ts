/**
 * A backend killed mid-query (pg_terminate_backend during `SELECT pg_sleep(5)`): the holder's
 * query fails within a second, release(error) removes the connection, the next acquire works, and
 * nothing surfaces as an unhandled error (reliability.md E.24).
 */
import { describe, expect, it } from 'vitest'
import type { PoolEvents } from '../../../src/main/engine/pool/engine'
import { serverPidOf, until, watchUnhandled } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx

describe('a backend killed while in use', () => {
  it('fails the running query within 1 s; release(error) removes it; the next acquire works', async () => {
    const unhandled = watchUnhandled()
    const p = await fx.start({ max: 2, min: 1 })
    const removed: PoolEvents['removed'][] = []
    p.on('removed', (e) => removed.push(e))

    const lease = await p.acquire({ holder: 'sleeper' })
    const victim = lease.backendPid!
    const sleeping = lease.connection.query('SELECT pg_sleep(5)')
    const outcome = sleeping.then(
      () => undefined,
      (e: unknown) => e,
    )
    await until(
      'pg_sleep running on the server',
      () => fx.admin.backendState(victim),
      (s) => s?.state === 'active' && s.query.includes('pg_sleep'),
    )

    const killedAt = performance.now()
    expect(await fx.admin.terminate(victim)).toBe(true)
    const error = await outcome
    const failedAfter = performance.now() - killedAt
    expect(error).toBeInstanceOf(Error)
    // 57P01: terminating connection due to administrator command.
    expect(error).toMatchObject({ code: '57P01' })
    expect(failedAfter).toBeLessThan(1_000)

    lease.release(error as Error)
    await until(
      'the pool dropped the killed connection',
      () => p.stats(),
      (s) => s.active === 0,
    )
    expect(removed.filter((e) => e.backendPid === victim)).toEqual([
      expect.objectContaining({ backendPid: victim, reason: 'broken' }),
    ])
    expect([...p.entries].map((e) => e.backendPid)).not.toContain(victim)

    const next = await p.acquire({ timeoutMs: 2_000 })
    const pid = await serverPidOf(next)
    expect(pid).not.toBe(victim)
    expect(pid).toBe(next.backendPid)
    next.release()
    expect(await fx.admin.sessionPids(appName)).not.toContain(victim)
    expect(p.stats()).toMatchObject({ active: 0, waiting: 0 })

    await p.shutdown()
    unhandled.stop()
    expect(unhandled.errors).toEqual([])
  })
})
