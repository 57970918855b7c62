import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { expectInvariant, makeQueue } from './support/queue-harness'

describe('requeue', () => {
  it('puts a moved-aside operation back at the end of the queue, where it replays', async () => {
    const h = makeQueue({ usable: false })
    let denied = true
    h.db.rule = (_s, p) =>
      p[0] === 1 && denied ? serverError('42501', 'permission denied') : undefined
    const [first] = await h.enqueueInserts(2)
    h.setUsable(true)
    await h.settle()
    await h.queue.resolve(first!.id, 'skip')
    await h.settle()
    expect(h.committedValues()).toEqual([2])
    expectInvariant(h.log)

    denied = false // the DBA granted the privilege
    const view = await h.queue.requeue(first!.id)
    expect(view.aside).toHaveLength(0)
    await h.settle()
    expect(h.committedValues()).toEqual([2, 1])
    expectInvariant(h.log)
  })

  it('refuses an id that is not aside', async () => {
    const h = makeQueue({ usable: false })
    const [op] = await h.enqueueInserts(1)
    await expect(h.queue.requeue(op!.id)).rejects.toMatchObject({ code: 'not-found' })
  })
})
