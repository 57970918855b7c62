import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { makeQueue } from './support/queue-harness'

describe('exporting operations', () => {
  it('writes the chosen operations, their statements, parameters and errors as JSON', async () => {
    const h = makeQueue({ usable: false })
    h.db.rule = (_s, p) =>
      p[0] === 'x' ? serverError('22P02', 'invalid input syntax for type integer: "x"') : undefined
    const bad = await h.queue.enqueue({ sql: 'INSERT INTO t VALUES ($1)', params: ['x'] })
    await h.enqueueInserts(2)
    h.setUsable(true)
    await h.settle()
    await h.queue.resolve(bad.id, 'skip')
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2])
    h.setUsable(false)
    await h.enqueueInserts(1, 9)

    const aside = h.queue.exportOperations('aside')
    expect(aside.contentType).toBe('application/json')
    expect(aside.fileName).toMatch(
      /^lifeguard-queue-p1-aside-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.json$/,
    )
    const doc = JSON.parse(aside.content) as {
      count: number
      operations: Array<Record<string, unknown>>
    }
    expect(doc.count).toBe(1)
    expect(doc.operations[0]).toMatchObject({
      id: bad.id,
      sql: 'INSERT INTO t VALUES ($1)',
      params: ['x'],
      state: 'aside',
      asideReason: 'skipped',
      lastError: { sqlstate: '22P02' },
    })
    const all = JSON.parse(h.queue.exportOperations('all').content) as {
      operations: Array<{ state: string }>
    }
    expect(all.operations.map((o) => o.state)).toEqual(['queued', 'aside'])
    const queued = JSON.parse(h.queue.exportOperations('queued').content) as { count: number }
    expect(queued.count).toBe(1)
  })

  it('holds no connection settings: no host, user or password of the profile', async () => {
    const h = makeQueue({ usable: false })
    await h.enqueueInserts(1)
    const content = h.queue.exportOperations('all').content
    expect(content).not.toMatch(/127\.0\.0\.1|"dba"|password/i)
  })
})
