/**
 * Releasing a lease twice is caught ('invalid-state') with a real connection, and the second
 * release changes nothing: gauges, counters, and the connection, which still serves the next
 * holder (reliability.md E.28).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionPool } from '../../../src/main/engine/pool/engine'
import { serverPidOf, until } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx
let pool: ConnectionPool

beforeAll(async () => {
  pool = await fx.start({ max: 2, min: 1 })
})

function snapshot(p: ConnectionPool) {
  const { gauges, counters } = p.metrics()
  return { gauges, counters }
}

describe('double release', () => {
  it('is an invalid-state error and leaves the pool untouched', async () => {
    const lease = await pool.acquire({ holder: 'twice' })
    const pid = await serverPidOf(lease)
    lease.release()
    const before = snapshot(pool)
    expect(before.gauges).toMatchObject({ total: 1, active: 0, idle: 1 })

    expect(() => lease.release()).toThrow(
      expect.objectContaining({
        code: 'invalid-state',
        message: `connection ${lease.id} was already released`,
      }),
    )
    expect(() => lease.release(new Error('late failure'))).toThrow(
      expect.objectContaining({ code: 'invalid-state' }),
    )
    expect(snapshot(pool)).toEqual(before)

    // The connection was not closed or handed out twice: the next holder gets it, alive.
    const next = await pool.acquire()
    expect(next.backendPid).toBe(pid)
    expect(await serverPidOf(next)).toBe(pid)
    const other = await pool.acquire()
    expect(other.backendPid).not.toBe(pid)
    expect(pool.stats()).toMatchObject({ total: 2, active: 2, idle: 0 })
    next.release()
    other.release()
    expect(await fx.admin.sessionPids(appName)).toContain(pid)
  })

  it('is caught after a release that removed the connection, too', async () => {
    const lease = await pool.acquire({ holder: 'broken-then-twice' })
    const pid = await serverPidOf(lease)
    lease.release(new Error('the holder decided it is broken'))
    await until(
      'the connection is closed on the server',
      () => fx.admin.backendState(pid),
      (s) => s === null,
    )
    await until(
      'no creation under way',
      () => pool.stats(),
      (s) => s.pendingCreates === 0,
    )
    const before = snapshot(pool)
    expect(() => lease.release()).toThrow(expect.objectContaining({ code: 'invalid-state' }))
    expect(snapshot(pool)).toEqual(before)
    expect(before.counters.removals.broken).toBe(1)
  })
})
