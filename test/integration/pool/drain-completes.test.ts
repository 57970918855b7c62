/**
 * Drain on a real server: idle connections close at once, the one in use finishes its work and
 * closes on release, the pool ends 'drained' with no session left on the server; resume() then
 * refills to min.
 */
import { describe, expect, it } from 'vitest'
import type { PoolEvents } from '../../../src/main/engine/pool/engine'
import { serverPidOf, until } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx

describe('drain', () => {
  it('closes idle at once, lets the one in use finish, ends drained; resume refills', async () => {
    const p = await fx.start({ max: 4, min: 3 })
    const removed: PoolEvents['removed'][] = []
    p.on('removed', (e) => removed.push(e))
    const lease = await p.acquire({ holder: 'finishing' })
    const busyPid = lease.backendPid!
    const idlePids = [...p.entries]
      .filter((e) => e.backendPid !== busyPid)
      .map((e) => e.backendPid!)
      .sort((a, b) => a - b)
    expect(idlePids).toHaveLength(2)
    expect(await fx.admin.sessionCount(appName)).toBe(3)

    let outcome: string | undefined
    const drained = p.drain().then((o) => (outcome = o))
    expect(p.state).toBe('draining')
    // Idle connections are closed now: only the one in use is left on the server.
    await until(
      'idle sessions closed',
      () => fx.admin.sessionPids(appName),
      (pids) => pids.length === 1,
    )
    expect(await fx.admin.sessionPids(appName)).toEqual([busyPid])
    expect(removed.map((e) => [e.backendPid, e.reason]).sort()).toEqual(
      idlePids.map((pid) => [pid, 'drain']).sort(),
    )
    // New callers are turned away while draining.
    await expect(p.acquire({ timeoutMs: 200 })).rejects.toMatchObject({ code: 'pool-draining' })

    // Not done while the connection is in use; the holder finishes its work on the same backend.
    expect(outcome).toBeUndefined()
    expect(p.state).toBe('draining')
    expect(await serverPidOf(lease)).toBe(busyPid)
    lease.release()

    await drained
    expect(outcome).toBe('drained')
    expect(p.state).toBe('drained')
    expect(p.stats()).toMatchObject({ total: 0, active: 0, idle: 0, validating: 0 })
    expect(removed.find((e) => e.backendPid === busyPid)).toMatchObject({ reason: 'drain' })
    await until(
      'no session left',
      () => fx.admin.sessionCount(appName),
      (n) => n === 0,
    )

    // resume() returns to running and refills to min with fresh sessions.
    p.resume()
    expect(p.state).toBe('running')
    await until(
      'refilled to min',
      () => p.stats(),
      (s) => s.total === 3 && s.idle === 3,
    )
    const fresh = [...p.entries].map((e) => e.backendPid!).sort((a, b) => a - b)
    expect(fresh.some((pid) => pid === busyPid || idlePids.includes(pid))).toBe(false)
    expect(await fx.admin.sessionPids(appName)).toEqual(fresh)
    const next = await p.acquire()
    expect(fresh).toContain(await serverPidOf(next))
    next.release()
  })
})
