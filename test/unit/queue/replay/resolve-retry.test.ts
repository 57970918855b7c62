import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { makeQueue } from './support/queue-harness'

describe('retry', () => {
  it('tries the blocked operation again at once and goes on in order', async () => {
    const h = makeQueue()
    let missing = true
    h.db.rule = (_sql, params) =>
      params[0] === 1 && missing ? serverError('42P01', 'relation "t" does not exist') : undefined
    const [first] = await h.enqueueInserts(3)
    await h.settle()
    expect(h.queue.status().state).toBe('blocked')

    missing = false // the DBA created the table
    const view = await h.queue.resolve(first!.id, 'retry')
    expect(view.status.blocked).toBeNull()
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3])
    expect(h.queue.status().state).toBe('idle')
  })

  it('refuses a decision about an operation that is not the blocked one', async () => {
    const h = makeQueue({ usable: false })
    const [op] = await h.enqueueInserts(1)
    await expect(h.queue.resolve(op!.id, 'retry')).rejects.toMatchObject({ code: 'invalid-state' })
    await expect(h.queue.resolve('no-such-op', 'skip')).rejects.toMatchObject({ code: 'not-found' })
    expect(h.log.queued()).toHaveLength(1)
  })
})
