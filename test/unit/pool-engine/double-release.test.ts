import { describe, expect, it } from 'vitest'
import { makePool } from '../../helpers/pool-stubs'

describe('double release', () => {
  it('is an invalid-state error that changes nothing', async () => {
    const { pool } = makePool({ max: 2 })
    await pool.start()
    const lease = await pool.acquire()
    lease.release()
    const other = await pool.acquire() // the same connection, now someone else's
    expect(other.connection).toBe(lease.connection)
    expect(() => lease.release()).toThrow(
      expect.objectContaining({
        code: 'invalid-state',
        message: 'connection 1 was already released',
      }),
    )
    expect(pool.stats()).toMatchObject({ total: 1, active: 1, idle: 0 })
    other.release()
    expect(pool.stats()).toMatchObject({ total: 1, active: 0, idle: 1 })
    expect(pool.metrics().counters.releases).toBe(2)
  })
})
