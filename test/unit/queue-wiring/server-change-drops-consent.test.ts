/**
 * A consent is about one server: editing a profile so it points at another host, port or database
 * drops what was allowed on the old one (exactly-once is turned off, the history tables count as
 * missing), so nothing is created on the new server without asking again. A rename keeps it.
 */
import { describe, expect, it } from 'vitest'
import { wiredMonitor } from './support'

describe('a profile moved to another server', () => {
  it('loses its consents; a rename does not', async () => {
    const h = wiredMonitor()
    try {
      const id = await h.profile('history')
      await h.monitor.queues.ready()
      h.monitor.setPreferences({ historySink: { profileId: id, intervalMs: 10_000 } })
      await h.monitor.history.createTables()
      expect(h.monitor.queues.status(id).exactlyOnce).toBe(true)

      h.monitor.saveProfile(id, { ...h.draft('history (renamed)') })
      expect(h.monitor.history.status().tablesReady).toBe(true)
      expect(h.monitor.queues.status(id).exactlyOnce).toBe(true)

      h.monitor.saveProfile(id, { ...h.draft('history (renamed)'), port: 6543 })
      expect(h.monitor.history.status().tablesReady).toBe(false)
      expect(h.sinkStatuses.at(-1)?.tablesReady).toBe(false)
      await h.until(
        'exactly-once off',
        () => h.monitor.queues.status(id).exactlyOnce,
        (on) => !on,
      )
      // And it stays off after a restart.
      await h.monitor.dispose()
      const again = wiredMonitor(h.dir)
      try {
        await again.monitor.queues.ready()
        expect(again.monitor.queues.status(id).exactlyOnce).toBe(false)
        expect(again.monitor.history.status().tablesReady).toBe(false)
      } finally {
        await again.close()
      }
    } finally {
      await h.close()
    }
  })
})
