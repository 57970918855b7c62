import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../helpers/fake-clock'
import { makePool } from '../../helpers/pool-stubs'

describe('pool waiting order', () => {
  it('serves waiters first come, first served', async () => {
    const { pool } = makePool({ max: 1 })
    await pool.start()
    const first = await pool.acquire()
    const order: string[] = []
    const waiters = ['a', 'b', 'c'].map((name) =>
      pool.acquire().then((lease) => {
        order.push(name)
        return lease
      }),
    )
    await flushPromises()
    expect(order).toEqual([])
    first.release()
    const a = await waiters[0]!
    expect(order).toEqual(['a'])
    a.release()
    const b = await waiters[1]!
    b.release()
    const c = await waiters[2]!
    c.release()
    expect(order).toEqual(['a', 'b', 'c'])
  })

  it('does not let a newcomer jump the queue when a connection frees up', async () => {
    const { pool } = makePool({ max: 1 })
    await pool.start()
    const held = await pool.acquire()
    const order: string[] = []
    const waiting = pool.acquire().then((l) => (order.push('waiter'), l))
    held.release()
    const late = pool.acquire().then((l) => (order.push('newcomer'), l))
    ;(await waiting).release()
    ;(await late).release()
    expect(order).toEqual(['waiter', 'newcomer'])
  })
})
