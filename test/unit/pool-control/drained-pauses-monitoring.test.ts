/**
 * While the pool is draining or drained, Lifeguard's own probes and session samples are paused:
 * nothing queries the pool (it would refuse with 'pool-draining'), the profile stays 'connected'
 * however long the drain lasts, and a probe that was waiting when the drain began is not counted
 * as a failure.
 */
import { describe, expect, it } from 'vitest'
import { sessionHarness } from './support/session-harness'

describe('monitoring while drained', () => {
  it('no probe or sample runs and the profile never turns failed', async () => {
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
    const queries = h.queryCount()
    const attempts = h.attemptRecords.length

    await h.clock.advance(120_000)
    expect(h.queryCount()).toBe(queries)
    expect(h.attemptRecords).toHaveLength(attempts)
    expect(h.session.state).toBe('connected')
    expect(h.statuses.slice(pushed).some((s) => s.state !== 'connected')).toBe(false)
    expect(h.session.status().health).toMatchObject({ consecutiveFailures: 0, breaker: 'closed' })
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
