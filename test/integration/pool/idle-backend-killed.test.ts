/**
 * A backend killed while its connection sits idle in the pool (pg_terminate_backend from an admin
 * session): the pool removes it, never hands it out, the next acquire works, the pool refills to
 * min, and nothing surfaces as an unhandled error (reliability.md E.24).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type {
  ConnectionPool,
  PoolEvents,
  PoolOptionsInput,
} from '../../../src/main/engine/pool/engine'
import { nextEvent, serverPidOf, until, watchUnhandled } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx
let unhandled: ReturnType<typeof watchUnhandled>

afterEach(async () => {
  try {
    await fx.stopPools()
  } finally {
    unhandled.stop()
  }
})

async function poolWithTwoIdle(options: PoolOptionsInput) {
  unhandled = watchUnhandled()
  const p = await fx.start({ max: 4, min: 2, ...options })
  const removed: PoolEvents['removed'][] = []
  p.on('removed', (e) => removed.push(e))
  const idlePids = [...p.entries].map((e) => e.backendPid!).sort((a, b) => a - b)
  expect(idlePids).toHaveLength(2)
  expect(await fx.admin.sessionPids(appName)).toEqual(idlePids)
  return { p, removed, victim: idlePids[0]! }
}

/** Both connections of min at once: neither may be the dead one, both must work. */
async function takeBoth(p: ConnectionPool, victim: number) {
  const leases = await Promise.all([p.acquire(), p.acquire()])
  const pids = await Promise.all(leases.map(serverPidOf))
  expect(pids).toEqual(leases.map((l) => l.backendPid))
  expect(pids).not.toContain(victim)
  for (const l of leases) l.release()
}

async function expectRefilledWithout(p: ConnectionPool, victim: number) {
  await until(
    'refilled to min',
    () => p.stats(),
    (s) => s.total === 2 && s.idle === 2,
  )
  const poolPids = [...p.entries].map((e) => e.backendPid!).sort((a, b) => a - b)
  expect(poolPids).not.toContain(victim)
  // The pool and the server agree on the same two live sessions.
  expect(await fx.admin.sessionPids(appName)).toEqual(poolPids)
}

describe('a backend killed while idle', () => {
  it('is noticed by the pool on its own (broken), and the next acquires work', async () => {
    const { p, removed, victim } = await poolWithTwoIdle({})
    const gone = nextEvent(p, 'removed', (e) => e.backendPid === victim, 2_000)
    expect(await fx.admin.terminate(victim)).toBe(true)
    // Nobody touched the pool: the connection's own error event removes it.
    expect(await gone).toMatchObject({ backendPid: victim, reason: 'broken' })
    expect(p.stats().total).toBeLessThanOrEqual(2)

    await takeBoth(p, victim)
    expect(removed).toEqual([expect.objectContaining({ backendPid: victim, reason: 'broken' })])
    await expectRefilledWithout(p, victim)
    expect(unhandled.errors).toEqual([])
  })

  it('is caught by validation when acquired before the pool noticed, never handed out', async () => {
    // Any connection idle for 1 ms or more is validated before it is handed out.
    const { p, removed, victim } = await poolWithTwoIdle({ validationBypassMs: 1 })
    expect(await fx.admin.terminate(victim)).toBe(true)
    await until(
      'the victim is gone from the server',
      () => fx.admin.backendState(victim),
      (s) => s === null,
    )

    // Right away, whether or not the pool has seen the socket close yet.
    await takeBoth(p, victim)
    const victimRemovals = removed.filter((e) => e.backendPid === victim)
    expect(victimRemovals).toHaveLength(1)
    expect(['broken', 'validation-failed']).toContain(victimRemovals[0]!.reason)
    expect(removed.filter((e) => e.backendPid !== victim)).toEqual([])
    await expectRefilledWithout(p, victim)
    expect(unhandled.errors).toEqual([])
  })
})
