import { describe, expect, it } from 'vitest'
import type { PoolLease } from '../../../src/main/engine/pool/engine/pool-lease'
import { makePool, track } from '../../helpers/pool-stubs'

describe('acquire timeout, pool exhausted', () => {
  it('fails with pool-exhausted and a HikariCP-style snapshot', async () => {
    const { pool, clock } = makePool({ max: 10 })
    await pool.start()
    const leases: PoolLease[] = []
    for (let i = 0; i < 10; i++) leases.push(await pool.acquire())
    const waiters = Array.from({ length: 8 }, () => track(pool.acquire()))
    await clock.advance(29_999)
    expect(waiters.every((w) => w.status === 'pending')).toBe(true)
    await clock.advance(1)
    expect(waiters.every((w) => w.status === 'rejected')).toBe(true)
    const first = waiters[0]!.error as Error & { code: string; snapshot: unknown }
    expect(first.message).toBe(
      'acquire timed out after 30000 ms (total=10, active=10, idle=0, waiting=7)',
    )
    expect(first.code).toBe('pool-exhausted')
    expect(first.snapshot).toMatchObject({ total: 10, active: 10, idle: 0, waiting: 7 })
    expect((waiters[7]!.error as Error).message).toContain('waiting=0)')
    expect(pool.metrics().counters.timeouts).toBe(8)
    for (const l of leases) l.release()
  })

  it('honours a per-call timeout', async () => {
    const { pool, clock } = makePool({ max: 1 })
    await pool.start()
    const held = await pool.acquire()
    const w = track(pool.acquire({ timeoutMs: 50 }))
    await clock.advance(50)
    expect((w.error as Error).message).toMatch(/^acquire timed out after 50 ms/)
    held.release()
  })
})
