import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../../helpers/fake-clock'
import { makeQueue } from './support/queue-harness'

describe('flapping health', () => {
  it('never runs two replay loops and leaves no growing timers behind', async () => {
    const h = makeQueue({ settings: { batchSize: 5 } })
    h.db.hang = /VALUES/
    await h.enqueueInserts(50)
    await flushPromises() // the first batch hangs, so the loop does not settle
    const baseline = h.clock.pendingTimers
    for (let i = 0; i < 2_000; i++) {
      h.setUsable(i % 2 === 0)
      if (i % 100 === 0) await flushPromises()
    }
    await flushPromises()
    // One batch is in flight (its statement hangs): one lease, one deadline timer.
    expect(h.db.leasesOut).toBe(1)
    expect(h.db.maxLeasesOut).toBe(1)
    expect(h.clock.pendingTimers).toBeLessThanOrEqual(baseline + 1)

    h.db.hang = undefined
    h.setUsable(true)
    h.counts.usable = 0
    h.db.unhang()
    await h.settle()
    // One loop: a step per batch (10 of 5, and a few narrower after the failed one). A second
    // loop per flip would have taken a thousand steps here.
    expect(h.counts.usable).toBeLessThan(30)
    for (let i = 0; i < 200; i++) {
      h.setUsable(i % 3 !== 0)
      await flushPromises()
    }
    h.setUsable(true)
    await h.settle()
    for (let i = 0; i < 20 && h.queue.status().depth > 0; i++) {
      await h.clock.advance(60_000)
      await h.settle()
    }
    expect(h.db.maxLeasesOut).toBe(1)
    expect(h.committedValues()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(h.clock.pendingTimers).toBe(0)
  })
})
