import { describe, expect, it } from 'vitest'
import { delayBounds, jitteredDelay } from '../../../../src/main/engine/health/backoff'
import { replayBackoff } from '../../../../src/main/engine/queue/queue-settings'
import { mulberry32 } from '../../health/support/mulberry32'
import { serverError } from './support/fake-database'
import { makeQueue } from './support/queue-harness'

const policy = replayBackoff()

describe('a transient error', () => {
  it('is retried after the reconnect backoff (1 s, then 2 s, each +-20 %), then applies', async () => {
    const h = makeQueue({ random: mulberry32(7), settings: { maxAttempts: 3 } })
    const expected = mulberry32(7)
    let failures = 2
    h.db.rule = (sql) =>
      sql.startsWith('INSERT INTO t') && failures-- > 0
        ? serverError('40001', 'could not serialize access')
        : undefined
    const tries = () => h.db.received.filter((s) => s.startsWith('INSERT INTO t')).length

    await h.enqueueInserts(1)
    await h.settle()
    expect(tries()).toBe(1)
    for (const step of [1, 2]) {
      const status = h.queue.status()
      expect(status.state).toBe('waiting-for-database')
      expect(status.wait?.reason).toBe('retry-backoff')
      const delay = status.wait!.retryAt! - h.clock.wallNow()
      const bounds = delayBounds(policy, step)
      expect(delay).toBeGreaterThanOrEqual(bounds.min)
      expect(delay).toBeLessThanOrEqual(bounds.max)
      expect(delay).toBe(jitteredDelay(policy, step, expected))
      expect(h.log.queued()[0]!.attempts).toBe(step)
      expect(h.log.queued()[0]!.lastError).toMatchObject({
        sqlstate: '40001',
        errorClass: 'transient',
      })

      await h.clock.advance(delay - 1)
      await h.settle()
      expect(tries()).toBe(step)
      await h.clock.advance(1)
      await h.settle()
      expect(tries()).toBe(step + 1)
    }
    expect(h.committedValues()).toEqual([1])
    expect(h.queue.status()).toMatchObject({ state: 'idle', applied: 1, failedAttempts: 2 })
    expect(h.events.filter((e) => e.kind === 'queue-failed')).toHaveLength(2)
  })

  it('counts a refused connection as no attempt of the operation, but still backs off', async () => {
    const h = makeQueue()
    h.db.refuse = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    })
    await h.enqueueInserts(1)
    await h.settle()
    const status = h.queue.status()
    expect(status.state).toBe('waiting-for-database')
    expect(status.wait?.message).toMatch(/connection refused/)
    expect(h.log.queued()[0]!.attempts).toBe(0)
    h.db.refuse = undefined
    await h.clock.advance(status.wait!.retryAt! - h.clock.wallNow())
    await h.settle()
    expect(h.committedValues()).toEqual([1])
  })
})
