/**
 * Replay follows the profile's health as the monitor sees it: while the pool is drained (the DBA
 * took the database out of service) a submitted write is answered 'unavailable' with the reason,
 * queued on request and kept; on Resume the status push makes replay run it. A statement's queue
 * events go to the profile's Events tab.
 */
import { describe, expect, it } from 'vitest'
import { wiredMonitor } from './support'

describe('replay gated by the profile health', () => {
  it('waits while the pool is drained and replays on resume', async () => {
    const h = wiredMonitor()
    try {
      const id = await h.profile('orders')
      await h.monitor.queues.ready()
      h.monitor.drain(id, {})
      await h.until(
        'drained',
        () => h.monitor.snapshot().statuses[0]?.poolState,
        (s) => s === 'drained',
      )
      const answer = await h.monitor.queues.submit(id, 'INSERT INTO t (v) VALUES ($1)', [7], false)
      expect(answer).toMatchObject({
        outcome: 'unavailable',
        reason: { code: 'service-unavailable', message: expect.stringMatching(/pool is drained/) },
      })
      const queued = await h.monitor.queues.submit(id, 'INSERT INTO t (v) VALUES ($1)', [7], true)
      expect(queued).toMatchObject({ outcome: 'queued', position: 1 })
      await h.clock.advance(5_000)
      expect(h.monitor.queues.status(id)).toMatchObject({
        state: 'waiting-for-database',
        depth: 1,
        wait: { reason: 'unavailable' },
      })
      expect(h.statements().some((s) => s.sql.startsWith('INSERT INTO t'))).toBe(false)

      h.monitor.resume(id)
      await h.until(
        'replayed',
        () => h.monitor.queues.status(id).applied,
        (n) => n === 1,
      )
      const insert = h.statements().find((s) => s.sql.startsWith('INSERT INTO t'))
      expect(insert?.params).toEqual([7])
      const kinds = h.monitor.listEvents(id, {}).events.map((e) => e.kind)
      expect(kinds).toEqual(expect.arrayContaining(['queue-enqueued', 'queue-applied']))
      expect(h.queueStatuses.at(-1)).toMatchObject({ profileId: id, depth: 0, applied: 1 })
    } finally {
      await h.close()
    }
  })
})
