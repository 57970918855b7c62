import { describe, expect, it } from 'vitest'
import { expectInvariant, makeQueue } from './support/queue-harness'

describe('replay order', () => {
  it('applies queued writes oldest first, each exactly once, and empties the queue', async () => {
    const h = makeQueue({ usable: false, settings: { batchSize: 4 } })
    await h.enqueueInserts(10)
    await h.settle()
    expect(h.db.committed).toHaveLength(0)
    expect(h.queue.status().state).toBe('waiting-for-database')

    h.setUsable(true)
    await h.settle()

    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(h.queue.status()).toMatchObject({ state: 'idle', depth: 0, applied: 10, enqueued: 10 })
    expectInvariant(h.log)
  })

  it('keeps the order of writes queued while a replay is running', async () => {
    const h = makeQueue({ settings: { batchSize: 3 } })
    const pending = []
    for (let i = 1; i <= 20; i++)
      pending.push(h.queue.enqueue({ sql: 'INSERT INTO t VALUES ($1)', params: [i] }))
    await Promise.all(pending)
    await h.settle()
    expect(h.committedValues()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(h.db.maxLeasesOut).toBe(1)
  })
})
