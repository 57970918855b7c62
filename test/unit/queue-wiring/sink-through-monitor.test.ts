/**
 * The history sink through the real monitor (real queue files, stub connections, fake clock):
 * nothing is taken before the tables are created on consent (which also turns the exactly-once
 * table on for the sink's queue and is kept across a restart); then every interval ONE operation
 * per connected profile goes into the sink's queue and is replayed, in order, as the INSERT into
 * lifeguard.pool_snapshots with its deterministic id; the snapshots' 'queued' entries stay out of
 * the sink's Events tab.
 */
import { describe, expect, it } from 'vitest'
import { insertSnapshotSql } from '../../../src/main/engine/history/history-sql'
import { wiredMonitor } from './support'

describe('the history sink in the monitor', () => {
  it('writes one row per connected profile per interval into the sink, in order', async () => {
    const h = wiredMonitor()
    try {
      const sink = await h.profile('history')
      const other = await h.profile('orders')
      await h.profile('idle', false)
      await h.monitor.queues.ready()
      h.monitor.setPreferences({ historySink: { profileId: sink, intervalMs: 10_000 } })
      await h.clock.advance(20_000)
      expect(h.monitor.history.status()).toMatchObject({ tablesReady: false, snapshotsTaken: 0 })

      const created = await h.monitor.history.createTables()
      expect(created.tablesReady).toBe(true)
      expect(
        h
          .statements()
          .some((s) => /CREATE TABLE IF NOT EXISTS lifeguard\.pool_snapshots/.test(s.sql)),
      ).toBe(true)
      expect(h.monitor.queues.status(sink).exactlyOnce).toBe(true)
      expect(h.sinkStatuses.at(-1)?.tablesReady).toBe(true)

      const start = h.clock.wallNow()
      await h.clock.advance(30_000)
      await h.until(
        'three snapshots applied',
        () => h.monitor.queues.status(sink).applied,
        (n) => n === 6,
      )
      const inserts = h.statements().filter((s) => s.sql === insertSnapshotSql)
      const ids = inserts.map((s) => s.params?.[0])
      const ticks = [1, 2, 3].map((n) => start + n * 10_000)
      expect(ids).toEqual(ticks.flatMap((t) => [`snapshot:${sink}:${t}`, `snapshot:${other}:${t}`]))
      expect(
        h
          .statements()
          .filter((s) => /lifeguard\.applied_operations/.test(s.sql) && /INSERT/.test(s.sql)),
      ).not.toHaveLength(0)
      expect(h.monitor.history.status()).toMatchObject({ snapshotsTaken: 6, lastError: null })

      const events = h.monitor.listEvents(sink, {}).events
      expect(events.some((e) => e.kind === 'queue-applied')).toBe(true)
      expect(events.some((e) => e.kind === 'queue-enqueued')).toBe(false)
    } finally {
      await h.close()
    }
  })

  it('keeps both consents across a restart', async () => {
    const first = wiredMonitor()
    const sink = await first.profile('history')
    await first.monitor.queues.ready()
    first.monitor.setPreferences({ historySink: { profileId: sink, intervalMs: 10_000 } })
    await first.monitor.history.createTables()
    await first.monitor.dispose()
    const again = wiredMonitor(first.dir)
    try {
      await again.monitor.queues.ready()
      expect(again.monitor.history.status()).toMatchObject({ profileId: sink, tablesReady: true })
      expect(again.monitor.queues.status(sink).exactlyOnce).toBe(true)
    } finally {
      await again.close()
      await first.close()
    }
  })
})
