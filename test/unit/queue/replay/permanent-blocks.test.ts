import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { expectInvariant, makeQueue } from './support/queue-harness'

describe('a permanent error', () => {
  it.each([
    ['42601', 'syntax error at or near "INSRT"'],
    ['42P01', 'relation "t" does not exist'],
    ['23505', 'duplicate key value violates unique constraint "t_pkey"'],
    ['42501', 'permission denied for table t'],
    ['22P02', 'invalid input syntax for type integer'],
  ])('%s stops replay at that operation until the user decides', async (code, message) => {
    const h = makeQueue({ settings: { batchSize: 1 } })
    h.db.rule = (_sql, params) => (params[0] === 2 ? serverError(code, message) : undefined)
    const ops = await h.enqueueInserts(4)
    await h.settle()

    expect(h.committedValues()).toEqual([1])
    const status = h.queue.status()
    expect(status.state).toBe('blocked')
    expect(status.blocked).toMatchObject({
      operationId: ops[1]!.id,
      why: 'permanent-error',
      error: { sqlstate: code, errorClass: 'permanent' },
    })
    expect(status.blocked!.error.message).toContain(message)
    expect(status.depth).toBe(3)
    // Time passing changes nothing: no retry is scheduled for a permanent error.
    await h.clock.advance(10 * 60_000)
    await h.settle()
    expect(h.committedValues()).toEqual([1])
    expect(h.log.queued()[0]!.attempts).toBe(1)
    // Nor does health coming and going.
    h.setUsable(false)
    h.setUsable(true)
    await h.settle()
    expect(h.queue.status().state).toBe('blocked')
    expect(h.events.map((e) => e.kind)).toContain('queue-blocked')
    const view = h.queue.view()
    expect(view.queued.map((o) => o.state)).toEqual(['blocked', 'queued', 'queued'])
    expectInvariant(h.log)
  })
})
