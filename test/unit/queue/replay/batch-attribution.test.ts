import { describe, expect, it } from 'vitest'
import { connectionLost, serverError } from './support/fake-database'
import { makeQueue } from './support/queue-harness'

describe('an error inside a batch', () => {
  it('is attributed to the operation whose statement failed; the ones before it still apply', async () => {
    const h = makeQueue({ usable: false, settings: { batchSize: 10 } })
    h.db.rule = (_s, p) =>
      p[0] === 7 ? serverError('23502', 'null value violates not-null constraint') : undefined
    const ops = await h.enqueueInserts(10)
    h.setUsable(true)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5, 6])
    // One failed batch of 10, the 6 before the failing one as a batch, then 7 on its own.
    expect(h.db.received.filter((s) => s === 'BEGIN')).toHaveLength(3)
    expect(h.queue.status().blocked?.operationId).toBe(ops[6]!.id)
    // The batch's failure is reported (not as an attempt), naming the operation it was at.
    const batchFailure = h.events.find((e) => e.data['batch'] === true)
    expect(batchFailure?.data).toMatchObject({
      operationId: ops[6]!.id,
      sqlstate: '23502',
      batchSize: 10,
    })
    expect(h.log.queued().map((o) => o.attempts)).toEqual([1, 0, 0, 0])
  })

  it('that no operation owns (COMMIT failed) makes replay go one by one through that batch', async () => {
    const h = makeQueue({ usable: false, settings: { batchSize: 4 } })
    h.db.commitFailure = serverError('40001', 'could not serialize access due to concurrent update')
    await h.enqueueInserts(6)
    h.setUsable(true)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5, 6])
    expect(h.log.stats().failedAttempts).toBe(0)
    const commits = h.db.received.filter((s) => s === 'COMMIT').length
    // 1 failed batch of 4, then 4 single ones, then a batch of the last 2.
    expect(commits).toBe(6)
  })

  it('with a lost connection gives the connection back as broken and applies nothing twice', async () => {
    const h = makeQueue({ usable: false, settings: { batchSize: 5 } })
    let lose = true
    h.db.rule = (_s, p) => {
      if (p[0] !== 3 || !lose) return undefined
      lose = false
      return connectionLost()
    }
    await h.enqueueInserts(5)
    h.setUsable(true)
    await h.settle()
    expect(h.db.releases.some((e) => e !== undefined)).toBe(true)
    expect(h.committedValues()).toEqual([1, 2, 3, 4, 5])
  })
})
