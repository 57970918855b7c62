import { describe, expect, it } from 'vitest'
import { makeQueue } from './support/queue-harness'

describe('the log refusing a change', () => {
  it('after COMMIT (markApplied failed) stops replay in storage-failed: nothing runs twice in this run', async () => {
    const h = makeQueue({ usable: false })
    await h.enqueueInserts(3)
    h.log.failNext('markApplied')
    h.setUsable(true)
    await h.settle()
    const status = h.queue.status()
    expect(status.state).toBe('storage-failed')
    expect(status.storageError).toMatchObject({
      code: 'storage',
      message: /injected markApplied failure/,
    })
    expect(h.committedValues()).toEqual([1, 2, 3])
    await h.clock.advance(600_000)
    h.setUsable(false)
    h.setUsable(true)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3])
    expect(h.events.some((e) => e.kind === 'queue-failed' && e.severity === 'critical')).toBe(true)
  })

  it('on enqueue (ENOSPC, EIO) is thrown to the caller, never acknowledged, and reported', async () => {
    const h = makeQueue({ usable: false })
    h.log.failNext('enqueue')
    await expect(
      h.queue.submit('INSERT INTO t VALUES ($1)', [1], { queueIfUnavailable: true }),
    ).rejects.toMatchObject({ code: 'storage' })
    expect(h.log.stats()).toMatchObject({ enqueued: 0, depth: 0 })
    expect(h.queue.status().state).toBe('storage-failed')
  })
})
