import { describe, expect, it } from 'vitest'
import { makeQueue } from './support/queue-harness'

describe('the queue-filling signal', () => {
  it('rises above 80 % of maxQueueSize (not at it) and ends when the queue drains', async () => {
    const h = makeQueue({ usable: false, settings: { maxQueueSize: 10, batchSize: 1 } })
    await h.enqueueInserts(8)
    expect(h.filling).toEqual([]) // 80 % is not above 80 %
    await h.enqueueInserts(1, 9)
    expect(h.filling).toEqual([{ depth: 9, maxQueueSize: 10, ratio: 0.9 }])

    // Drained: the signal ends.
    h.setUsable(true)
    await h.settle()
    expect(h.filling).toEqual([{ depth: 9, maxQueueSize: 10, ratio: 0.9 }, null])
    expect(h.log.stats().depth).toBe(0)
  })

  it('does not flap while depth moves between 70 % and 80 %', async () => {
    const h = makeQueue({ usable: false, settings: { maxQueueSize: 10 } })
    await h.enqueueInserts(9)
    expect(h.filling).toHaveLength(1)
    // Replay one at a time by blocking after each: move aside two (skip) -> 7 (70 %): ends.
    h.db.rule = () => Object.assign(new Error('denied'), { code: '42501', severity: 'ERROR' })
    h.setUsable(true)
    await h.settle()
    const skip = async () => {
      await h.queue.resolve(h.queue.status().blocked!.operationId, 'skip')
      await h.settle()
    }
    await skip() // 8: 80 %, still on
    expect(h.filling).toHaveLength(1)
    await h.enqueueInserts(1, 100) // 9 again: still on, no second signal
    expect(h.filling).toHaveLength(1)
    await skip()
    await skip() // 7: 70 %: off
    expect(h.filling).toEqual([expect.objectContaining({ depth: 9 }), null])
    await h.enqueueInserts(1, 200) // 8: 80 %: not above, stays off
    expect(h.filling).toHaveLength(2)
  })
})
