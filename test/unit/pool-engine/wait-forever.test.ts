import { describe, expect, it } from 'vitest'
import { FOREVER_MS } from '../../../src/main/engine/pool/engine/pool-options'
import { makePool } from '../../helpers/pool-stubs'

describe('waiting without a bound', () => {
  it('arms no timer for a caller that may wait forever, and serves it when a connection frees', async () => {
    const { pool, clock } = makePool({ max: 1, acquireTimeoutMs: FOREVER_MS, leakDetectionMs: 0 })
    await pool.start()
    const held = await pool.acquire()
    const timersBefore = clock.pendingTimers
    const waiting = pool.acquire()
    expect(pool.stats().waiting).toBe(1)
    expect(clock.pendingTimers).toBe(timersBefore)
    await clock.advance(60 * 60 * 1000)
    expect(pool.stats().waiting).toBe(1)
    held.release()
    // (the held connection outlived its max lifetime meanwhile, so the waiter gets a fresh one)
    const lease = await waiting
    expect(lease.connection).toBeDefined()
    expect(pool.stats()).toMatchObject({ waiting: 0, active: 1 })
  })

  it('still times out a bounded wait', async () => {
    const { pool, clock } = makePool({ max: 1, acquireTimeoutMs: 1_000, leakDetectionMs: 0 })
    await pool.start()
    await pool.acquire()
    const waiting = pool.acquire().catch((e: { code: string }) => e.code)
    await clock.advance(1_000)
    expect(await waiting).toBe('pool-exhausted')
  })
})
