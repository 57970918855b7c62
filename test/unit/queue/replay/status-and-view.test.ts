import { describe, expect, it } from 'vitest'
import { serverError } from './support/fake-database'
import { makeQueue } from './support/queue-harness'

describe('status and view', () => {
  it('report depth, oldest age, counters, bytes on disk and the replay rate over the last 10 s', async () => {
    const h = makeQueue({ usable: false, settings: { maxQueueSize: 50 } })
    await h.enqueueInserts(20)
    await h.clock.advance(4_000)
    let status = h.queue.status()
    expect(status).toMatchObject({
      depth: 20,
      maxQueueSize: 50,
      oldestAgeMs: 4_000,
      enqueued: 20,
      applied: 0,
      replayRatePerSecond: 0,
    })
    expect(status.bytesOnDisk).toBe(h.log.stats().bytesOnDisk)
    expect(status.bytesOnDisk).toBeGreaterThan(0)

    h.setUsable(true)
    await h.settle()
    status = h.queue.status()
    expect(status).toMatchObject({
      depth: 0,
      oldestAgeMs: null,
      applied: 20,
      replayRatePerSecond: 2,
    })
    await h.clock.advance(10_000)
    expect(h.queue.status().replayRatePerSecond).toBe(0)
  })

  it('lists queued operations oldest first (at most limit) with their state, and aside ones newest first', async () => {
    const h = makeQueue({ usable: false })
    h.db.rule = (_s, p) =>
      p[0] === 1 || p[0] === 2 ? serverError('42501', 'permission denied') : undefined
    const ops = await h.enqueueInserts(5)
    h.setUsable(true)
    await h.settle()
    await h.queue.resolve(ops[0]!.id, 'skip')
    await h.settle()
    await h.queue.resolve(ops[1]!.id, 'skip')
    h.setUsable(false)
    await h.settle()
    const view = h.queue.view(2)
    expect(view.queued.map((o) => [o.id, o.state, o.sql, o.paramCount])).toEqual([
      [ops[2]!.id, 'queued', 'INSERT INTO t VALUES ($1)', 1],
      [ops[3]!.id, 'queued', 'INSERT INTO t VALUES ($1)', 1],
    ])
    expect(view.aside.map((o) => [o.id, o.asideReason, o.lastError?.sqlstate])).toEqual([
      [ops[1]!.id, 'skipped', '42501'],
      [ops[0]!.id, 'skipped', '42501'],
    ])
    expect(view.status.depth).toBe(3)
  })

  it('pushes a status for every state change at once, and counter changes at most every statusMinGapMs', async () => {
    const h = makeQueue({ usable: false, settings: { statusMinGapMs: 1_000 } })
    await h.enqueueInserts(5)
    await h.settle()
    expect(h.statuses.at(-1)?.depth).toBeLessThan(5)
    await h.clock.advance(1_000)
    expect(h.statuses.at(-1)?.depth).toBe(5)
    h.setUsable(true)
    await h.settle()
    expect(h.statuses.at(-1)).toMatchObject({ state: 'idle', depth: 0 })
  })

  it('describes a history snapshot in one line instead of listing its values', async () => {
    const h = makeQueue({ usable: false })
    await h.queue.enqueue({
      id: 'history:p2:1767225600000',
      kind: 'history-snapshot',
      sql: 'INSERT INTO lifeguard.pool_snapshots (profile_id, at, total)\nVALUES ($1, $2, $3)',
      params: ['p2', 1767225600000, 4],
    })
    expect(h.queue.view().queued[0]!.sql).toBe(
      'history snapshot (3 values): INSERT INTO lifeguard.pool_snapshots (profile_id, at, total)',
    )
  })
})
