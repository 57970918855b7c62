/**
 * Shutdown on a real server: waiters are rejected, connections in use are destroyed (their
 * holders' queries fail, their release is a no-op), and the server is left with no session of
 * the pool's application_name, even one that was running a long query.
 */
import { describe, expect, it } from 'vitest'
import { until, watchUnhandled } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx

describe('shutdown', () => {
  it('rejects waiters, destroys connections in use, and leaves no session on the server', async () => {
    const unhandled = watchUnhandled()
    const p = await fx.start({ max: 3, min: 3 })
    const sleeper = await p.acquire({ holder: 'sleeper' })
    const holder = await p.acquire({ holder: 'holder' })
    expect(p.stats()).toMatchObject({ total: 3, active: 2, idle: 1 })
    const sleepPid = sleeper.backendPid!
    const sleeping = sleeper.connection.query('SELECT pg_sleep(10)').then(
      () => undefined,
      (e: unknown) => e,
    )
    await until(
      'pg_sleep running',
      () => fx.admin.backendState(sleepPid),
      (s) => Boolean(s?.state === 'active' && s.query.includes('pg_sleep')),
    )
    const third = await p.acquire({ holder: 'third' })
    const late = p.acquire({ holder: 'late', timeoutMs: 5_000 }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(p.stats()).toMatchObject({ total: 3, active: 3, idle: 0, waiting: 1 })
    expect(await fx.admin.sessionCount(appName)).toBe(3)

    const startedAt = performance.now()
    await p.shutdown()
    const tookMs = performance.now() - startedAt
    expect(p.state).toBe('closed')
    expect(tookMs).toBeLessThan(1_000)
    expect(await late).toMatchObject({ code: 'pool-closed' })
    expect(p.stats()).toMatchObject({ total: 0, active: 0, idle: 0, waiting: 0 })

    // The holders' connections are gone: the running query failed, the next one fails.
    expect(await sleeping).toBeInstanceOf(Error)
    await expect(holder.connection.query('SELECT 1')).rejects.toBeInstanceOf(Error)
    expect(() => sleeper.release()).not.toThrow()
    expect(() => holder.release()).not.toThrow()
    expect(() => third.release()).not.toThrow()
    await expect(p.acquire()).rejects.toMatchObject({ code: 'pool-closed' })

    // Nothing of the pool is left on the server, not even the backend that was sleeping.
    const left = await until(
      'no session left',
      () =>
        fx.admin.query<{ pid: number; state: string; query: string }>(
          'SELECT pid, state, query FROM pg_stat_activity WHERE application_name = $1',
          [appName],
        ),
      (rows) => rows.length === 0,
      2_000,
    ).catch((e: Error) => e.message)
    expect(left).toEqual([])
    unhandled.stop()
    expect(unhandled.errors).toEqual([])
  })
})
