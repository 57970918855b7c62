/**
 * A pool leak seen from both sides: the pool's `leak` event (holder, acquire site, time held) is
 * matched by backend pid to the server's session (state, query, transaction start) in one alert,
 * which resolves when the holder gives the connection back (issue 6, item 3).
 * leakDetectionMs is 1000, the smallest the pool accepts.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/engine/core/clock'
import { nextEvent } from '../../helpers/pg-pool-harness'
import { poolBackendPids } from '../../../src/main/engine/sessions/own-backends'
import { SessionObserver } from '../../../src/main/engine/sessions/session-observer'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
let unwatch: (() => void) | undefined

afterAll(() => unwatch?.())

describe('a pool leak matched to its server session', () => {
  it("shows the holder and the server's view together, and resolves on release", async () => {
    const pool = await fx.start({
      max: 3,
      min: 1,
      partitions: { monitor: 1 },
      leakDetectionMs: 1_000,
      leakSiteCapture: 'always',
    })
    const observer = new SessionObserver({
      acquirer: pool,
      clock: systemClock,
      ownPids: () => poolBackendPids(pool),
    })
    unwatch = observer.watchPool(pool)
    const lease = await pool.acquire({ holder: 'nightly export' })
    await lease.connection.query('BEGIN')
    await lease.connection.query('SELECT 42 AS lg_leaked')
    await observer.sample()
    const leak = await nextEvent(pool, 'leak', () => true, 3_000)
    await observer.sample()

    const alert = observer.alerts().find((a) => a.kind === 'leak')
    expect(alert).toMatchObject({
      id: `leak:${lease.id}`,
      resolvedAt: null,
      serverMatch: 'matched',
      leak: { connectionId: lease.id, backendPid: lease.backendPid, holder: 'nightly export' },
      session: {
        pid: lease.backendPid,
        state: 'idle in transaction',
        query: 'SELECT 42 AS lg_leaked',
        own: true,
      },
    })
    if (alert?.kind !== 'leak') throw new Error('no leak alert')
    expect(alert.leak.site).toContain('leak-matched-to-session.test.ts')
    expect(alert.leak.heldMs).toBeGreaterThanOrEqual(leak.heldMs)
    expect(alert.session?.xactStart).not.toBeNull()

    const resolved = nextEvent(pool, 'leak-resolved', () => true, 1_000)
    await lease.connection.query('ROLLBACK')
    lease.release()
    await resolved
    expect(observer.alerts().find((a) => a.kind === 'leak')?.resolvedAt).not.toBeNull()
  })
})
