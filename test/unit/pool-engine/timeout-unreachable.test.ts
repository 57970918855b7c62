import { describe, expect, it } from 'vitest'
import { makePool, track } from '../../helpers/pool-stubs'

describe('acquire timeout, database unreachable', () => {
  it('fails with database-unreachable carrying the last creation error, retrying with backoff', async () => {
    const { pool, clock, factory } = makePool({ max: 2 })
    await pool.start()
    const refused = new Error('connection refused by 127.0.0.1:5432: is PostgreSQL running?')
    factory.failWith(refused)
    const w = track(pool.acquire())
    await clock.advance(30_000)
    const error = w.error as Error & { code: string }
    expect(error.code).toBe('database-unreachable')
    expect(error.cause).toBe(refused)
    expect(error.message).toBe(
      'acquire timed out after 30000 ms (total=0, active=0, idle=0, waiting=0): the database is unreachable: connection refused by 127.0.0.1:5432: is PostgreSQL running?',
    )
    // 250, 500, 1000, 2000, 4000, then every 5000 ms: not a storm
    expect(factory.calls).toBeGreaterThanOrEqual(6)
    expect(factory.calls).toBeLessThanOrEqual(12)
    expect(pool.metrics().counters.createFailures).toBe(factory.calls)
  })

  it('recovers once creation works again', async () => {
    const { pool, clock, factory } = makePool({ max: 1 })
    await pool.start()
    factory.failWith(new Error('down'))
    const w = track(pool.acquire())
    await clock.advance(1_000)
    factory.succeed()
    await clock.advance(5_000)
    expect(w.status).toBe('resolved')
    const late = track(pool.acquire({ timeoutMs: 10 }))
    await clock.advance(10)
    // after a success, a timeout is exhaustion again, not unreachability
    expect((late.error as { code: string }).code).toBe('pool-exhausted')
  })
})
