import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../../helpers/fake-clock'
import { makeQueue } from './support/queue-harness'

describe('replay only while the database is usable', () => {
  it('waits while health says unusable (and says why), replays when it is usable again', async () => {
    const h = makeQueue({ usable: false })
    await h.enqueueInserts(3)
    await h.settle()
    const waiting = h.queue.status()
    expect(waiting.state).toBe('waiting-for-database')
    expect(waiting.wait).toMatchObject({ reason: 'unavailable', retryAt: null })
    expect(waiting.wait!.message).toContain('the database is down')
    expect(h.db.acquires).toBe(0)
    await h.clock.advance(600_000)
    await h.settle()
    expect(h.db.acquires).toBe(0)

    h.setUsable(true)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3])
  })

  it('stops between batches when health goes away mid-replay', async () => {
    const h = makeQueue({ settings: { batchSize: 2 } })
    h.db.hang = /VALUES/
    await h.enqueueInserts(6)
    await flushPromises() // the first batch hangs, so the loop does not settle
    expect(h.queue.status().state).toBe('replaying')
    h.setUsable(false)
    h.db.hang = undefined
    h.db.unhang() // the batch in flight fails as a lost connection
    await h.settle()
    expect(h.queue.status().state).toBe('waiting-for-database')
    expect(h.committedValues()).toEqual([])
    const acquires = h.db.acquires
    await h.clock.advance(120_000)
    await h.settle()
    expect(h.db.acquires).toBe(acquires)
    h.setUsable(true)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5, 6])
  })
})
