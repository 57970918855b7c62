/**
 * While the pool is draining or drained it would refuse Lifeguard's own probes and session samples
 * with 'pool-draining'. The samples pause; the health probes run on a connection of their own
 * each time (opened, `SELECT 1`, closed), so nothing queries the pool, a database that answers
 * keeps the profile 'connected' however long the drain lasts, a database that goes away turns it
 * 'failed' while the pool stays drained, and a probe that was waiting for a pool connection when
 * the drain began is not counted as a failure.
 */
import { describe, expect, it, vi } from 'vitest'
import type { StubConnection } from '../../helpers/pool-stubs'
import { sessionHarness } from './support/session-harness'

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })

/** The probes' own connections: made after `from`, each ran only probe queries and was closed. */
function asideProbes(made: StubConnection[], from: number): StubConnection[] {
  const aside = made.slice(from)
  for (const c of aside) {
    expect(c.queries[0]).toBe('SELECT 1')
    expect(c.queries.slice(1).every((q) => /pg_stat_activity/.test(q))).toBe(true)
    expect(c.closed).toBe(true)
  }
  return aside
}

describe('monitoring while drained', () => {
  it('no sample and no pool query runs; probes go aside, one closed connection each', async () => {
    const h = sessionHarness({ observeSessions: true })
    await h.connect()
    await h.clock.advance(4_100)
    const samplerRan = h.factory.made.some((c) =>
      c.queries.some((q) => /server_version_num/.test(q)),
    )
    expect(samplerRan).toBe(true)
    const pushed = h.statuses.length
    h.session.drain({})
    await h.clock.advance(10)
    expect(h.session.status().poolState).toBe('drained')
    const before = h.factory.made.length
    // Every probe and sample through the pool would come by its acquire: none may while drained.
    const acquire = vi.spyOn(h.session.pool!, 'acquire')
    const attempts = h.attemptRecords.length

    await h.clock.advance(120_000)
    expect(acquire).not.toHaveBeenCalled()
    // Every 2 s (probeIntervalMs): 60 probes in 120 s, give or take the one at the edge.
    const aside = asideProbes(h.factory.made, before)
    expect(aside.length).toBeGreaterThanOrEqual(59)
    expect(aside.length).toBeLessThanOrEqual(61)
    expect(aside.some((c) => c.queries.some((q) => /server_version_num/.test(q)))).toBe(false)
    expect(h.session.status().pool).toMatchObject({ total: 0 })
    expect(h.attemptRecords).toHaveLength(attempts)
    expect(h.session.state).toBe('connected')
    expect(h.statuses.slice(pushed).some((s) => s.state !== 'connected')).toBe(false)
    expect(h.session.status().health).toMatchObject({ consecutiveFailures: 0, breaker: 'closed' })

    // Resumed: probes through the pool again, the first at once; no more connections aside.
    h.session.resume()
    await h.clock.advance(4_100)
    expect(acquire).toHaveBeenCalled()
    const afterResume = h.factory.made.length
    await h.clock.advance(10_000)
    expect(h.factory.made.length).toBe(afterResume)
    expect(h.session.status().pool).toMatchObject({ total: 2 })
    await h.session.disconnect()
  })

  it('a database that goes away during a drain is failed; back, connected and still drained', async () => {
    const h = sessionHarness({ health: { unavailableAfterMs: 60_000 } })
    await h.connect()
    h.session.drain({})
    await h.clock.advance(10)
    expect(h.session.status().poolState).toBe('drained')

    h.factory.failWith(refused())
    h.failAttempts(refused())
    // The next probe (at most 2 s away) fails: connecting; the first reconnect, 1 s later, fails.
    await h.clock.advance(3_100)
    const down = h.session.status()
    expect(down).toMatchObject({ state: 'failed', poolState: 'drained', pool: { total: 0 } })
    expect(down.error?.code).toBe('connection-refused')
    const failures = h.attemptRecords.filter((r) => r.outcome === 'failure')
    expect(failures.map((r) => r.trigger)).toEqual(['probe', 'scheduled'])

    h.factory.succeed()
    h.failAttempts(undefined)
    await h.clock.advance(5_000)
    const back = h.session.status()
    expect(back).toMatchObject({ state: 'connected', poolState: 'drained', pool: { total: 0 } })
    // Probes aside again, and they pass.
    const before = h.factory.made.length
    await h.clock.advance(6_100)
    expect(asideProbes(h.factory.made, before).length).toBeGreaterThanOrEqual(3)
    expect(h.session.state).toBe('connected')

    h.session.resume()
    await h.clock.advance(100)
    expect(h.session.status()).toMatchObject({ poolState: 'running', pool: { total: 2 } })
    await h.session.disconnect()
  })

  it('a probe waiting for its connection when the drain starts is not a failure', async () => {
    // A small pool probes through its one reserved connection: hold it and the general ones, so
    // the probe (every 2 s) has to wait.
    const h = sessionHarness({
      sizing: { max: 3, min: 3, partitions: { monitor: 1 } },
      health: { probeTimeoutMs: 1_000 },
    })
    await h.connect()
    const held = [
      await h.session.acquire({ holder: 'workload 1' }),
      await h.session.acquire({ holder: 'workload 2' }),
      await h.session.acquire({ holder: 'reserved', partition: 'monitor' }),
    ]
    await h.clock.advance(2_010)
    expect(h.session.status().pool?.waiting).toBe(1)
    h.session.drain({})
    await h.clock.advance(30_000)
    expect(h.session.state).toBe('connected')
    expect(h.attemptRecords.filter((r) => r.outcome === 'failure')).toEqual([])
    for (const lease of held) lease.release()
    await h.session.disconnect()
  })
})
