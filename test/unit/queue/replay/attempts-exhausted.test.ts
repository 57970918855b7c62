import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { makeQueue } from './support/queue-harness'

describe('maxAttempts transient failures in a row', () => {
  it('keep the operation at the head and stop replay (blocked), never passing it', async () => {
    const h = makeQueue({ settings: { maxAttempts: 3 } })
    h.db.rule = (_sql, params) =>
      params[0] === 1 ? serverError('55P03', 'could not obtain lock') : undefined
    const [first] = await h.enqueueInserts(3)
    await h.settle()
    for (let i = 0; i < 2; i++) {
      await h.clock.advance(h.queue.status().wait!.retryAt! - h.clock.wallNow())
      await h.settle()
    }
    const status = h.queue.status()
    expect(status.state).toBe('blocked')
    expect(status.blocked).toMatchObject({ operationId: first!.id, why: 'attempts-exhausted' })
    expect(status.blocked!.error.errorClass).toBe('transient')
    expect(h.log.queued()).toHaveLength(3)
    expect(h.log.aside()).toHaveLength(0)
    expect(h.committedValues()).toEqual([])
    await h.clock.advance(3_600_000)
    await h.settle()
    expect(h.committedValues()).toEqual([])
  })

  it('get a fresh round of attempts at the next healthy period', async () => {
    const h = makeQueue({ settings: { maxAttempts: 2 } })
    let failing = true
    h.db.rule = (_sql, params) =>
      params[0] === 1 && failing
        ? serverError('57P01', 'terminating connection due to administrator command')
        : undefined
    await h.enqueueInserts(2)
    await h.settle()
    await h.clock.advance(h.queue.status().wait!.retryAt! - h.clock.wallNow())
    await h.settle()
    expect(h.queue.status().blocked?.why).toBe('attempts-exhausted')

    failing = false
    h.setUsable(false)
    await h.settle()
    expect(h.queue.status().state).toBe('blocked')
    h.setUsable(true)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2])
    expect(h.log.stats().failedAttempts).toBe(2)
  })
})
