/** A leak ends when its connection is removed while held (broken, shut down), not only on release. */
import { describe, expect, it } from 'vitest'
import { ConnectionPool } from '../../../src/main/engine/pool/engine'
import { FakeClock } from '../../helpers/fake-clock'
import { stubFactory } from '../../helpers/pool-stubs'

describe('a leaked connection that is removed', () => {
  it('reports leak-resolved with the holder and the time held', async () => {
    const clock = new FakeClock()
    const factory = stubFactory()
    const pool = new ConnectionPool(
      { connect: factory.connect, clock },
      { max: 2, min: 0, leakDetectionMs: 1_000, housekeepingMs: 500 },
    )
    await pool.start()
    const resolved: Array<{ holder: string | undefined; heldMs: number }> = []
    let leaks = 0
    pool.on('leak', () => leaks++)
    pool.on('leak-resolved', (e) => resolved.push({ holder: e.holder, heldMs: e.heldMs }))
    await pool.acquire({ holder: 'forgetful job' })
    await clock.advance(2_000)
    expect(leaks).toBe(1)
    await pool.shutdown()
    expect(resolved).toHaveLength(1)
    expect(resolved[0]?.holder).toBe('forgetful job')
    expect(resolved[0]?.heldMs).toBeGreaterThanOrEqual(2_000)
  })
})
