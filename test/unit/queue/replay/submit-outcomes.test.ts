import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { makeQueue } from './support/queue-harness'

describe('submit outcomes', () => {
  it('runs a write at once when usable and nothing is queued', async () => {
    const h = makeQueue()
    const outcome = await h.queue.submit('INSERT INTO t VALUES ($1)', [1], {
      queueIfUnavailable: false,
    })
    expect(outcome).toEqual({ outcome: 'applied', rowCount: 1 })
    expect(h.committedValues()).toEqual([1])
    expect(h.log.stats().enqueued).toBe(0)
  })

  it('answers unavailable with the reason, or queues when asked, while the database is down', async () => {
    const h = makeQueue({ usable: false })
    const asked = await h.queue.submit('INSERT INTO t VALUES ($1)', [1], {
      queueIfUnavailable: false,
    })
    expect(asked).toEqual({
      outcome: 'unavailable',
      reason: { code: 'service-unavailable', message: 'the database is down' },
    })
    expect(h.log.stats().enqueued).toBe(0)
    const queued = await h.queue.submit('INSERT INTO t VALUES ($1)', [1], {
      queueIfUnavailable: true,
    })
    expect(queued).toMatchObject({ outcome: 'queued', position: 1 })
    expect(h.log.queued()[0]!.id).toBe(queued.outcome === 'queued' ? queued.operationId : '')
  })

  it('throws the permanent error of a write that ran at once (nothing is queued)', async () => {
    const h = makeQueue()
    h.db.rule = () =>
      serverError('23505', 'duplicate key value violates unique constraint "t_pkey"')
    await expect(
      h.queue.submit('INSERT INTO t VALUES ($1)', [1], { queueIfUnavailable: true }),
    ).rejects.toMatchObject({ code: 'query-failed', message: /23505/ })
    expect(h.log.stats().enqueued).toBe(0)
  })

  it('queues a write the server refused for now (it did not apply), when asked', async () => {
    const h = makeQueue()
    let refuse = true
    h.db.rule = () => (refuse ? serverError('40001', 'could not serialize access') : undefined)
    const outcome = await h.queue.submit('INSERT INTO t VALUES ($1)', [1], {
      queueIfUnavailable: true,
    })
    expect(outcome).toMatchObject({ outcome: 'queued' })
    refuse = false
    await h.settle()
    expect(h.committedValues()).toEqual([1])
  })

  it('refuses transaction control and several statements before anything runs', async () => {
    const h = makeQueue()
    for (const sql of ['COMMIT', 'begin', 'INSERT INTO t VALUES (1); DELETE FROM t'])
      await expect(h.queue.submit(sql, [], { queueIfUnavailable: true })).rejects.toMatchObject({
        code: 'validation',
      })
    expect(h.db.received).toHaveLength(0)
    expect(h.log.stats().enqueued).toBe(0)
  })
})
