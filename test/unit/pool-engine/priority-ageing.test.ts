import { describe, expect, it } from 'vitest'
import type { PoolLease } from '../../../src/main/engine/pool/engine/pool-lease'
import type { Priority } from '../../../src/main/engine/pool/engine/wait-queue'
import { flushPromises } from '../../helpers/fake-clock'
import { makePool } from '../../helpers/pool-stubs'

describe('pool priorities', () => {
  it('serves critical, high, normal, low in that order when all are fresh', async () => {
    const { pool } = makePool({ max: 1 })
    await pool.start()
    let held = await pool.acquire()
    const order: Priority[] = []
    const leases = new Map<Priority, PoolLease>()
    for (const priority of ['low', 'normal', 'critical', 'high'] as const)
      void pool.acquire({ priority }).then((l) => {
        order.push(priority)
        leases.set(priority, l)
      })
    await flushPromises()
    for (let i = 0; i < 4; i++) {
      held.release()
      await flushPromises()
      held = leases.get(order[order.length - 1]!)!
    }
    held.release()
    expect(order).toEqual(['critical', 'high', 'normal', 'low'])
  })

  /** One connection; two high-priority arrivals per release; one low-priority caller. */
  async function lowServedAt(priorityAgingMs: number): Promise<number | undefined> {
    const { pool, clock } = makePool({ max: 1, priorityAgingMs, acquireTimeoutMs: 60_000 })
    await pool.start()
    let current = await pool.acquire()
    let lowAt: number | undefined
    const served: PoolLease[] = []
    const take = (l: PoolLease) => void served.push(l)
    void pool
      .acquire({ priority: 'low' })
      .then((l) => {
        lowAt = clock.now()
        take(l)
      })
      .catch(() => undefined)
    for (let t = 0; t < 20_000 && lowAt === undefined; t += 250) {
      for (let i = 0; i < 2; i++)
        void pool
          .acquire({ priority: 'high' })
          .then(take)
          .catch(() => undefined)
      await clock.advance(250)
      current.release()
      await flushPromises()
      expect(served).toHaveLength(1)
      current = served.shift()!
    }
    await pool.shutdown()
    return lowAt
  }

  it('ages a low-priority waiter so it is served under a steady stream of high ones', async () => {
    const at = await lowServedAt(1_000)
    expect(at).toBeDefined()
    // low (0) reaches critical (3) after 3 x 1000 ms and then precedes every later arrival
    expect(at!).toBeLessThanOrEqual(4_000)
  })

  it('would starve it without ageing (the test can tell the difference)', async () => {
    expect(await lowServedAt(10_000_000)).toBeUndefined()
  })
})
