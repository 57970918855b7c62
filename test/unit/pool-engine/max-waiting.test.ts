import { describe, expect, it } from 'vitest'
import { makePool } from '../../helpers/pool-stubs'

describe('pool wait-queue bound', () => {
  it('refuses a caller beyond maxWaiting with a clear error, and takes one again after', async () => {
    const { pool } = makePool({ max: 1, maxWaiting: 2 })
    await pool.start()
    const held = await pool.acquire()
    const a = pool.acquire()
    const b = pool.acquire()
    await expect(pool.acquire()).rejects.toMatchObject({
      code: 'queue-full',
      message:
        'too many callers waiting for a connection (maxWaiting=2) (total=1, active=1, idle=0, waiting=2)',
    })
    held.release()
    ;(await a).release()
    const c = pool.acquire()
    ;(await b).release()
    ;(await c).release()
    expect(pool.stats()).toMatchObject({ waiting: 0, active: 0, idle: 1 })
  })
})
