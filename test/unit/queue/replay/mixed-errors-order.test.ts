import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { expectInvariant, makeQueue } from './support/queue-harness'

/**
 * Ten writes in batches; write 3 meets a transient error twice (in the batch, then on its own),
 * write 6 a permanent one. Order is kept, nothing after 6 runs before the user decides, and each
 * error lands on its own write.
 */
describe('a transient and a permanent error in the middle of a sequence', () => {
  it('keeps the order and stops at the permanent one until it is resolved', async () => {
    const h = makeQueue({ usable: false, settings: { batchSize: 100 } })
    let transientLeft = 2
    h.db.rule = (_sql, params) => {
      if (params[0] === 3 && transientLeft-- > 0) return serverError('40P01', 'deadlock detected')
      if (params[0] === 6)
        return serverError('23505', 'duplicate key value violates unique constraint')
      return undefined
    }
    const ops = await h.enqueueInserts(10)
    h.setUsable(true)
    await h.settle()
    // The batch failed at 3: 1 and 2 were applied again as a batch of their own, 3 failed alone
    // (its first attempt) and waits for the backoff.
    expect(h.committedValues()).toEqual([1, 2])
    expect(h.queue.status().wait?.reason).toBe('retry-backoff')
    expect(h.log.queued()[0]).toMatchObject({ id: ops[2]!.id, attempts: 1 })
    expect(
      h.log
        .queued()
        .slice(1)
        .every((o) => o.attempts === 0),
    ).toBe(true)

    await h.clock.advance(h.queue.status().wait!.retryAt! - h.clock.wallNow())
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5])
    const status = h.queue.status()
    expect(status.state).toBe('blocked')
    expect(status.blocked?.operationId).toBe(ops[5]!.id)
    expect(h.log.queued().map((o) => o.payload.params[0])).toEqual([6, 7, 8, 9, 10])

    await h.clock.advance(120_000)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5])

    await h.queue.resolve(ops[5]!.id, 'skip')
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10])
    expect(h.log.aside().map((o) => o.id)).toEqual([ops[5]!.id])
    expect(h.queue.status()).toMatchObject({ state: 'idle', failedAttempts: 2 })
    expectInvariant(h.log)
  })
})
