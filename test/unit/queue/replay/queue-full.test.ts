import { describe, expect, it } from 'vitest'
import { expectInvariant, makeQueue } from './support/queue-harness'

describe('a full queue', () => {
  it('refuses with queue-full, loses nothing already queued, and drains in order later', async () => {
    const h = makeQueue({ usable: false, settings: { maxQueueSize: 5 } })
    await h.enqueueInserts(5)
    await expect(
      h.queue.enqueue({ sql: 'INSERT INTO t VALUES ($1)', params: [6] }),
    ).rejects.toMatchObject({ code: 'queue-full' })
    const refused = await h.queue
      .submit('INSERT INTO t VALUES ($1)', [7], { queueIfUnavailable: true })
      .catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'queue-full' })
    expect(h.log.queued().map((o) => o.payload.params[0])).toEqual([1, 2, 3, 4, 5])
    expect(h.queue.status()).toMatchObject({ depth: 5, enqueued: 5, state: 'waiting-for-database' })
    expect(h.events.some((e) => e.kind === 'queue-failed' && e.data['queueFull'] === true)).toBe(
      true,
    )
    expectInvariant(h.log)

    h.setUsable(true)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5])
    await h.enqueueInserts(1, 6)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('counts concurrent enqueues against the limit atomically', async () => {
    const h = makeQueue({ usable: false, settings: { maxQueueSize: 10 } })
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        h.queue.enqueue({ sql: 'INSERT INTO t VALUES ($1)', params: [i] }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10)
    expect(h.log.queued()).toHaveLength(10)
    expectInvariant(h.log)
  })
})
