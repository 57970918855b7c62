import { describe, expect, it } from 'vitest'
import { SimplePool } from '../../../src/main/engine/pool/simple-pool'
import { FakeClock } from '../../helpers/fake-clock'
import { fakeFactory } from '../../helpers/fake-connection'

const make = (max: number, min: number) => {
  const clock = new FakeClock()
  const f = fakeFactory()
  const pool = new SimplePool({ factory: f.factory, clock, max, min, acquireTimeoutMs: 1000 })
  return { clock, f, pool }
}

describe('SimplePool sizing', () => {
  it('opens the warm minimum at start', async () => {
    const { f, pool } = make(5, 2)
    await pool.start()
    expect(f.made).toHaveLength(2)
    expect(pool.stats()).toEqual({ total: 2, active: 0, idle: 2, waiting: 0, max: 5 })
  })

  it('grows on demand up to max, never beyond', async () => {
    const { f, pool } = make(3, 0)
    await pool.start()
    const leases = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire()])
    expect(f.made).toHaveLength(3)
    expect(pool.stats()).toMatchObject({ total: 3, active: 3, idle: 0 })
    const fourth = pool.acquire()
    expect(pool.stats().waiting).toBe(1)
    expect(f.made).toHaveLength(3)
    leases[0]?.release()
    const lease = await fourth
    expect(lease.id).toBe(leases[0]?.id)
    expect(pool.stats()).toMatchObject({ total: 3, active: 3, waiting: 0 })
  })

  it('rejects invalid sizes with a clear message', () => {
    const clock = new FakeClock()
    const { factory } = fakeFactory()
    expect(() => new SimplePool({ factory, clock, max: 0, min: 0, acquireTimeoutMs: 1 })).toThrow(
      /max/,
    )
    expect(() => new SimplePool({ factory, clock, max: 2, min: 3, acquireTimeoutMs: 1 })).toThrow(
      /min/,
    )
  })

  it('fails start with the connection error and leaves nothing open', async () => {
    const clock = new FakeClock()
    const f = fakeFactory()
    f.failNextWith(new Error('refused'))
    const pool = new SimplePool({ factory: f.factory, clock, max: 3, min: 2, acquireTimeoutMs: 1 })
    await expect(pool.start()).rejects.toThrow('refused')
    expect(pool.stats().total).toBe(0)
    expect(f.made.every((c) => c.ended)).toBe(true)
  })
})
