import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { makeQueue } from './support/queue-harness'

describe('edit', () => {
  it('replaces the blocked statement, keeps its place in the queue and retries it', async () => {
    const h = makeQueue()
    h.db.rule = (sql) =>
      sql.includes('INSRT') ? serverError('42601', 'syntax error at or near "INSRT"') : undefined
    await h.enqueueInserts(1)
    const bad = await h.queue.enqueue({ sql: 'INSRT INTO t VALUES ($1)', params: [2] })
    await h.enqueueInserts(1, 3)
    await h.settle()
    expect(h.queue.status().blocked?.operationId).toBe(bad.id)

    await h.queue.resolve(bad.id, 'edit', 'INSERT INTO t VALUES ($1)', [2])
    await h.settle()

    expect(h.committedValues()).toEqual([1, 2, 3])
    expect(h.queue.status().state).toBe('idle')
    expect(h.log.journal.find((j) => j.method === 'replace')?.id).toBe(bad.id)
    expect(h.db.committedMatching(/INSRT/)).toHaveLength(0)
  })

  it('refuses an edit to a statement that cannot be queued, and keeps the old one', async () => {
    const h = makeQueue()
    h.db.rule = () => serverError('42601', 'syntax error')
    const [op] = await h.enqueueInserts(1)
    await h.settle()
    await expect(h.queue.resolve(op!.id, 'edit', 'COMMIT')).rejects.toMatchObject({
      code: 'validation',
    })
    expect(h.log.queued()[0]!.payload.sql).toBe('INSERT INTO t VALUES ($1)')
    expect(h.queue.status().state).toBe('blocked')
  })
})
