import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { expectInvariant, makeQueue } from './support/queue-harness'

describe('skip', () => {
  it('moves the blocked operation aside with its error (reason skipped) and replays the rest', async () => {
    const h = makeQueue()
    h.db.rule = (_sql, params) =>
      params[0] === 2 ? serverError('23505', 'duplicate key') : undefined
    const ops = await h.enqueueInserts(3)
    await h.settle()
    expect(h.queue.status().blocked?.operationId).toBe(ops[1]!.id)

    await h.queue.resolve(ops[1]!.id, 'skip')
    await h.settle()

    expect(h.committedValues()).toEqual([1, 3])
    const aside = h.log.aside()
    expect(aside).toHaveLength(1)
    expect(aside[0]).toMatchObject({
      id: ops[1]!.id,
      reason: 'skipped',
      lastError: { sqlstate: '23505' },
    })
    const view = h.queue.view()
    expect(view.aside[0]).toMatchObject({ state: 'aside', asideReason: 'skipped' })
    expect(
      h.events.some((e) => e.kind === 'queue-moved-aside' && e.data['reason'] === 'skipped'),
    ).toBe(true)
    expectInvariant(h.log)
  })
})
