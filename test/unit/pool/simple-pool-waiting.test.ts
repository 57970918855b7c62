import { describe, expect, it } from 'vitest'
import { SimplePool } from '../../../src/main/engine/pool/simple-pool'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { FakeClock } from '../../helpers/fake-clock'
import { fakeFactory } from '../../helpers/fake-connection'

describe('SimplePool waiting', () => {
  it('serves waiters first in, first out', async () => {
    const clock = new FakeClock()
    const { factory } = fakeFactory()
    const pool = new SimplePool({ factory, clock, max: 1, min: 1, acquireTimeoutMs: 5000 })
    await pool.start()
    const held = await pool.acquire()
    const order: string[] = []
    const a = pool.acquire().then((l) => (order.push('a'), l))
    const b = pool.acquire().then((l) => (order.push('b'), l))
    held.release()
    ;(await a).release()
    ;(await b).release()
    expect(order).toEqual(['a', 'b'])
  })

  it('times out on the injected clock with a snapshot in the message', async () => {
    const clock = new FakeClock()
    const { factory } = fakeFactory()
    const pool = new SimplePool({ factory, clock, max: 1, min: 1, acquireTimeoutMs: 30000 })
    await pool.start()
    await pool.acquire()
    const waiting = pool.acquire()
    const outcome = waiting.then(
      () => 'resolved',
      (e: LifeguardError) => e,
    )
    await clock.advance(29999)
    expect(pool.stats().waiting).toBe(1)
    clock.jumpWall(-3_600_000) // a wall-clock jump must not move the deadline
    await clock.advance(1)
    const error = await outcome
    expect(error).toBeInstanceOf(LifeguardError)
    expect((error as LifeguardError).code).toBe('acquire-timeout')
    expect((error as LifeguardError).message).toBe(
      'acquire timed out after 30000 ms (total=1, active=1, idle=0, waiting=0)',
    )
    expect(pool.stats().waiting).toBe(0)
  })

  it('rejects waiters when closed and refuses new acquires', async () => {
    const clock = new FakeClock()
    const { factory, made } = fakeFactory()
    const pool = new SimplePool({ factory, clock, max: 1, min: 1, acquireTimeoutMs: 5000 })
    await pool.start()
    await pool.acquire()
    const waiting = pool.acquire()
    await pool.close()
    await expect(waiting).rejects.toMatchObject({ code: 'pool-closed' })
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'pool-closed' })
    expect(made.every((c) => c.ended)).toBe(true)
    expect(pool.stats()).toMatchObject({ total: 0, active: 0, idle: 0, waiting: 0 })
    expect(clock.pendingTimers).toBe(0)
  })
})
