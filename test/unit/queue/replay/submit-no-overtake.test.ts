import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../../helpers/fake-clock'
import { makeQueue } from './support/queue-harness'

describe('submit', () => {
  it('does not overtake queued writes: with any queued, a new one queues behind them', async () => {
    const h = makeQueue({ usable: false })
    await h.enqueueInserts(3)
    h.setUsable(true)
    h.db.hang = /VALUES/ // replay of the three is in flight
    await flushPromises()

    const unavailable = await h.queue.submit('INSERT INTO t VALUES ($1)', [4], {
      queueIfUnavailable: false,
    })
    expect(unavailable).toMatchObject({ outcome: 'unavailable', reason: { code: 'invalid-state' } })
    expect(unavailable.outcome === 'unavailable' && unavailable.reason.message).toMatch(
      /3 writes are queued/,
    )
    const queued = await h.queue.submit('INSERT INTO t VALUES ($1)', [4], {
      queueIfUnavailable: true,
    })
    expect(queued).toMatchObject({ outcome: 'queued', position: 4 })

    h.db.hang = undefined
    h.db.unhang()
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3, 4])
  })

  it('holds replay back while a direct write is still running', async () => {
    const h = makeQueue()
    h.db.hang = /VALUES \(\$1\) -- direct/
    const direct = h.queue.submit('INSERT INTO t VALUES ($1) -- direct', [1], {
      queueIfUnavailable: true,
    })
    await flushPromises()
    await h.enqueueInserts(1, 2) // arrives while the direct write runs
    await flushPromises()
    expect(h.db.received.filter((s) => s.startsWith('INSERT INTO t VALUES ($1)'))).toHaveLength(1)
    h.db.hang = undefined
    h.db.unhang()
    await expect(direct).rejects.toMatchObject({ message: /may or may not have been applied/ })
    await h.settle()
    expect(h.committedValues()).toEqual([2])
  })
})
