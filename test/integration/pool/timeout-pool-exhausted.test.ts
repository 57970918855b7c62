/**
 * Exhaustion against a real server: with every connection held, the next caller waits and then
 * fails with 'pool-exhausted' and HikariCP's snapshot message (reliability.md E.28).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { PoolLease } from '../../../src/main/engine/pool/engine'
import { AcquireTimeoutError } from '../../../src/main/engine/pool/engine'
import { serverPidOf, until } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx

afterEach(() => fx.stopPools())

describe('pool exhaustion on a real PostgreSQL', () => {
  it('the 4th caller waits while 3 leases are held, then times out with pool-exhausted', async () => {
    const p = await fx.start({
      max: 3,
      min: 0,
      acquireTimeoutMs: 300,
    })
    const leases: PoolLease[] = []
    for (let i = 0; i < 3; i++) leases.push(await p.acquire({ holder: `holder-${i}` }))
    // All three run on distinct live backends, and the server sees exactly these sessions.
    const pids = await Promise.all(leases.map(serverPidOf))
    expect(new Set(pids).size).toBe(3)
    expect(pids).toEqual(leases.map((l) => l.backendPid))
    expect(await fx.admin.sessionPids(appName)).toEqual([...pids].sort((a, b) => a - b))

    const startedAt = performance.now()
    let settled = false
    const fourth = p.acquire({ holder: 'holder-3' }).finally(() => (settled = true))
    const outcome = fourth.catch((e: unknown) => e)
    // It waits: queued, nothing created beyond max.
    expect(p.stats()).toMatchObject({ total: 3, active: 3, idle: 0, waiting: 1, pendingCreates: 0 })
    await until(
      'fourth caller queued for a while',
      () => performance.now() - startedAt,
      (ms) => ms >= 150,
    )
    expect(settled).toBe(false)

    const error = await outcome
    const waited = performance.now() - startedAt
    expect(error).toBeInstanceOf(AcquireTimeoutError)
    expect(error).toMatchObject({
      code: 'pool-exhausted',
      message: 'acquire timed out after 300 ms (total=3, active=3, idle=0, waiting=0)',
    })
    expect(waited).toBeGreaterThanOrEqual(295)
    expect(waited).toBeLessThan(1_500)
    // The timeout did not disturb the holders or open anything.
    expect(p.stats()).toMatchObject({ total: 3, active: 3, idle: 0, waiting: 0 })
    expect(p.metrics().counters.timeouts).toBe(1)
    expect(await fx.admin.sessionCount(appName)).toBe(3)

    // Once a holder returns its connection, the next caller is served at once.
    leases[0]!.release()
    const next = await p.acquire()
    expect(await serverPidOf(next)).toBe(pids[0])
    next.release()
    for (const l of leases.slice(1)) l.release()
  })
})
