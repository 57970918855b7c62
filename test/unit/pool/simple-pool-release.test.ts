import { describe, expect, it } from 'vitest'
import { SimplePool } from '../../../src/main/engine/pool/simple-pool'
import { FakeClock } from '../../helpers/fake-clock'
import { fakeFactory } from '../../helpers/fake-connection'

describe('SimplePool release', () => {
  it('catches a double release', async () => {
    const { factory } = fakeFactory()
    const pool = new SimplePool({
      factory,
      clock: new FakeClock(),
      max: 2,
      min: 0,
      acquireTimeoutMs: 10,
    })
    await pool.start()
    const lease = await pool.acquire()
    lease.release()
    expect(() => lease.release()).toThrow(/already released/)
    expect(pool.stats()).toMatchObject({ total: 1, idle: 1, active: 0 })
  })

  it('removes a connection released with an error, and replaces it for a waiter', async () => {
    const { factory, made } = fakeFactory()
    const pool = new SimplePool({
      factory,
      clock: new FakeClock(),
      max: 1,
      min: 1,
      acquireTimeoutMs: 1000,
    })
    await pool.start()
    const lease = await pool.acquire()
    const next = pool.acquire()
    lease.release(new Error('broken'))
    const replacement = await next
    expect(made[0]?.ended).toBe(true)
    expect(replacement.connection).toBe(made[1])
    expect(pool.stats()).toMatchObject({ total: 1, active: 1 })
  })

  it('drops an idle connection whose server side went away', async () => {
    const { factory, made } = fakeFactory()
    const pool = new SimplePool({
      factory,
      clock: new FakeClock(),
      max: 2,
      min: 2,
      acquireTimeoutMs: 10,
    })
    await pool.start()
    made[0]?.breakNow()
    expect(pool.stats()).toMatchObject({ total: 1, idle: 1 })
    const lease = await pool.acquire()
    expect(lease.connection).toBe(made[1])
  })

  it('fails a waiter at once when creating its connection fails', async () => {
    const clock = new FakeClock()
    const f = fakeFactory()
    const pool = new SimplePool({
      factory: f.factory,
      clock,
      max: 1,
      min: 0,
      acquireTimeoutMs: 60000,
    })
    await pool.start()
    f.failNextWith(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
    await expect(pool.acquire()).rejects.toThrow('ECONNREFUSED')
    expect(pool.stats()).toMatchObject({ total: 0, waiting: 0 })
    expect(clock.pendingTimers).toBe(0)
  })
})
