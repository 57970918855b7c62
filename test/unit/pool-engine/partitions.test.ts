import { describe, expect, it } from 'vitest'
import type { PoolLease } from '../../../src/main/engine/pool/engine/pool-lease'
import { flushPromises } from '../../helpers/fake-clock'
import { makePool, track } from '../../helpers/pool-stubs'

describe('pool partitions (reserved capacity)', () => {
  it('a general workload holding all it may still leaves the monitor able to acquire at once', async () => {
    const { pool, clock } = makePool({ max: 4, partitions: { monitor: 1 } })
    await pool.start()
    const general: PoolLease[] = []
    for (let i = 0; i < 3; i++) general.push(await pool.acquire())
    // a fourth general caller waits although the pool could open one more connection
    const blocked = track(pool.acquire({ timeoutMs: 1_000 }))
    await flushPromises()
    expect(blocked.status).toBe('pending')
    const probe = track(pool.acquire({ partition: 'monitor', holder: 'health probe' }))
    await flushPromises()
    expect(probe.status).toBe('resolved')
    expect(clock.now()).toBe(0)
    expect(pool.stats()).toMatchObject({
      total: 4,
      active: 4,
      waiting: 1,
      partitions: { monitor: { reserved: 1, inUse: 1, waiting: 0 } },
    })
    // the probe's release does not go to the general waiter: general capacity is still full
    ;(probe.value as PoolLease).release()
    await flushPromises()
    expect(blocked.status).toBe('pending')
    expect(pool.stats()).toMatchObject({ active: 3, idle: 1, waiting: 1 })
    // and the probe gets the idle reserved connection again without waiting
    const again = await pool.acquire({ partition: 'monitor' })
    again.release()
    await clock.advance(1_000)
    expect((blocked.error as { code: string }).code).toBe('pool-exhausted')
    for (const l of general) l.release()
  })

  it('serves a partition under its reservation before earlier, higher-priority general waiters', async () => {
    const { pool, factory } = makePool({ max: 3, partitions: { monitor: 1 } })
    await pool.start()
    const a = await pool.acquire()
    const b = await pool.acquire()
    factory.hold() // the third connection is slow to open
    const order: string[] = []
    const g = pool.acquire({ priority: 'critical' }).then((l) => (order.push('general'), l))
    const m = pool.acquire({ partition: 'monitor' }).then((l) => (order.push('monitor'), l))
    await flushPromises()
    expect(pool.stats()).toMatchObject({ waiting: 2, pendingCreates: 1 })
    a.release()
    await flushPromises()
    expect(order).toEqual(['monitor'])
    // the general waiter gets the next connection (general capacity: b + it = the limit of 2)
    factory.finishAll()
    await flushPromises()
    expect(order).toEqual(['monitor', 'general'])
    for (const l of [await m, await g, b]) l.release()
    expect(pool.stats()).toMatchObject({ active: 0, partitions: { monitor: { inUse: 0 } } })
  })

  it('lets a partition use free general capacity, which then counts against general callers', async () => {
    const { pool } = makePool({ max: 3, partitions: { monitor: 1 } })
    await pool.start()
    const m = [
      await pool.acquire({ partition: 'monitor' }),
      await pool.acquire({ partition: 'monitor' }),
    ]
    expect(pool.stats().partitions).toEqual({ monitor: { reserved: 1, inUse: 2, waiting: 0 } })
    const g1 = await pool.acquire()
    const g2 = track(pool.acquire())
    await flushPromises()
    expect(g2.status).toBe('pending') // 1 general + 1 monitor overflow = the general limit of 2
    m[0]!.release()
    await flushPromises()
    // the monitor is back at its reservation: the freed capacity is general again
    expect(g2.status).toBe('resolved')
    expect(pool.stats().partitions).toEqual({ monitor: { reserved: 1, inUse: 1, waiting: 0 } })
    for (const l of [m[1]!, g1, g2.value as PoolLease]) l.release()
    expect(pool.stats()).toMatchObject({ active: 0, partitions: { monitor: { inUse: 0 } } })
  })

  it('waiters of a partition over its reservation compete in the usual order', async () => {
    const { pool } = makePool({ max: 3, partitions: { monitor: 1 } })
    await pool.start()
    const m1 = await pool.acquire({ partition: 'monitor' })
    const m2 = await pool.acquire({ partition: 'monitor' })
    const g1 = await pool.acquire()
    const order: string[] = []
    const g = pool.acquire({ priority: 'high' }).then((l) => (order.push('general'), l))
    const m = pool.acquire({ partition: 'monitor' }).then((l) => (order.push('monitor'), l))
    await flushPromises()
    expect(pool.stats().partitions?.monitor?.waiting).toBe(1)
    m2.release() // monitor back at its reservation (1): the next monitor lease needs general capacity
    await flushPromises()
    expect(order).toEqual(['general'])
    g1.release()
    await flushPromises()
    expect(order).toEqual(['general', 'monitor'])
    for (const l of [m1, await g, await m]) l.release()
  })

  it('accounts a partition lease removed while in use', async () => {
    const { pool, factory } = makePool({ max: 2, partitions: { monitor: 1 } })
    await pool.start()
    const lease = await pool.acquire({ partition: 'monitor' })
    factory.made[0]!.emitError()
    expect(pool.stats()).toMatchObject({
      total: 0,
      active: 0,
      partitions: { monitor: { inUse: 0 } },
    })
    lease.release() // a no-op: the connection is gone
    expect(pool.stats().partitions?.monitor?.inUse).toBe(0)
  })

  it('rejects an unknown partition with a validation error', async () => {
    const { pool } = makePool({ max: 3, partitions: { monitor: 1, sampler: 1 } })
    await pool.start()
    await expect(pool.acquire({ partition: 'health' })).rejects.toMatchObject({
      code: 'validation',
      message:
        'unknown pool partition "health": this pool\'s partitions are: monitor, sampler (partitions are declared in the pool\'s partitions option)',
    })
    const { pool: plain } = makePool()
    await plain.start()
    await expect(plain.acquire({ partition: 'monitor' })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('this pool has no partitions') as unknown,
    })
    expect(plain.stats()).not.toHaveProperty('partitions')
  })

  it('fails partition waiters on drain and shutdown like any other', async () => {
    const { pool } = makePool({ max: 2, partitions: { monitor: 1 } })
    await pool.start()
    const held = [await pool.acquire({ partition: 'monitor' }), await pool.acquire()]
    const w = track(pool.acquire({ partition: 'monitor' }))
    await flushPromises()
    void pool.shutdown()
    await flushPromises()
    expect((w.error as { code: string }).code).toBe('pool-closed')
    for (const l of held) l.release()
    expect(pool.stats().partitions).toEqual({ monitor: { reserved: 1, inUse: 0, waiting: 0 } })
  })
})
