import { describe, expect, it } from 'vitest'
import { makePool } from '../../helpers/pool-stubs'

describe('reset on release', () => {
  it('rolls back a connection returned inside a transaction, then reuses it', async () => {
    const { pool, factory } = makePool({ max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    const c = factory.made[0]!
    await c.query('BEGIN')
    lease.release()
    expect(pool.stats()).toMatchObject({ validating: 1, idle: 0 })
    const next = await pool.acquire()
    expect(c.queries).toEqual(['BEGIN', 'ROLLBACK'])
    expect(next.connection).toBe(c)
    next.release()
  })

  it('rolls back a failed transaction too', async () => {
    const { pool, factory } = makePool({ max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    factory.made[0]!.tx = 'failed'
    lease.release()
    ;(await pool.acquire()).release()
    expect(factory.made[0]!.queries).toEqual(['ROLLBACK'])
  })

  it('removes the connection when the rollback fails', async () => {
    const { pool, factory } = makePool({ max: 1 })
    const removed: string[] = []
    pool.on('removed', (e) => removed.push(e.reason))
    await pool.start()
    const lease = await pool.acquire()
    const c = factory.made[0]!
    c.tx = 'in-transaction'
    c.failQueries = /ROLLBACK/
    lease.release()
    const next = await pool.acquire()
    expect(removed).toEqual(['reset-failed'])
    expect(c.destroyed).toBe(true)
    expect(next.connection).toBe(factory.made[1])
    next.release()
  })

  it('with an unknown status, rolls back only a release flagged dirty', async () => {
    const { pool, factory } = makePool({ max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    const c = factory.made[0]!
    c.tx = 'unknown'
    lease.release()
    const again = await pool.acquire()
    expect(c.queries).toEqual([])
    again.release({ dirty: true })
    ;(await pool.acquire()).release()
    expect(c.queries).toEqual(['ROLLBACK'])
  })

  it('does nothing for a clean connection', async () => {
    const { pool, factory } = makePool({ max: 1 })
    await pool.start()
    ;(await pool.acquire()).release({ dirty: true })
    expect(factory.made[0]!.queries).toEqual([])
  })
})
