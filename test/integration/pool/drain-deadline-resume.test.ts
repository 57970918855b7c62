/**
 * Drain deadline 'resume': when the connection in use is not back by the deadline, the pool
 * returns to running; the held connection stays usable and goes back to idle, and a caller that
 * chose to wait through the drain (waitIfDraining) is served.
 */
import { describe, expect, it } from 'vitest'
import type { PoolEvents } from '../../../src/main/engine/pool/engine'
import { serverPidOf } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx

describe("drain with deadline 'resume'", () => {
  it('returns to running at the deadline, keeping the connection in use', async () => {
    const p = await fx.start({ max: 2, min: 1 })
    const removed: PoolEvents['removed'][] = []
    p.on('removed', (e) => removed.push(e))
    const lease = await p.acquire({ holder: 'slow' })
    const pid = lease.backendPid!

    const startedAt = performance.now()
    const outcome = p.drain({ deadlineMs: 200, onDeadline: 'resume' })
    expect(p.state).toBe('draining')
    const patient = p.acquire({ waitIfDraining: true, timeoutMs: 2_000 })
    await expect(p.acquire()).rejects.toMatchObject({ code: 'pool-draining' })

    expect(await outcome).toBe('resumed')
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(195)
    expect(p.state).toBe('running')

    // The waiter that chose to wait is served by a new connection after the resume.
    const served = await patient
    expect(await serverPidOf(served)).toBe(served.backendPid)
    expect(served.backendPid).not.toBe(pid)
    served.release()

    // The connection held through the drain still works and returns to idle, not closed.
    expect(await serverPidOf(lease)).toBe(pid)
    lease.release()
    expect(removed).toEqual([])
    expect([...p.entries].map((e) => e.backendPid)).toContain(pid)
    expect(await fx.admin.sessionPids(appName)).toContain(pid)
    const again = await p.acquire()
    expect(await serverPidOf(again)).toBe(again.backendPid)
    again.release()
  })
})
