/**
 * Every profile has a queue status from the start, so its card shows a depth, not "–": the
 * snapshot carries one per profile (an empty, idle queue for a profile nothing was queued for,
 * without opening or creating anything on disk), and a new profile's status is pushed once with
 * queue:changed when it is created.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { wiredMonitor } from './support'

describe('a new profile’s queue status', () => {
  it('is in the snapshot and pushed once, without touching the disk', async () => {
    const h = wiredMonitor()
    try {
      await h.monitor.queues.ready()
      const a = await h.profile('a', false)
      const b = await h.profile('b', false)
      const pushedFor = (id: string) => h.queueStatuses.filter((s) => s.profileId === id)
      expect(pushedFor(a)).toEqual([
        expect.objectContaining({ depth: 0, state: 'idle', maxQueueSize: 1000 }),
      ])
      expect(pushedFor(b)).toHaveLength(1)
      expect(h.monitor.snapshot().queues?.map((q) => [q.profileId, q.depth, q.state])).toEqual([
        [a, 0, 'idle'],
        [b, 0, 'idle'],
      ])
      expect(fs.readdirSync(path.join(h.dir, 'queue')).filter((n) => !n.endsWith('.lock'))).toEqual(
        [],
      )
    } finally {
      await h.close()
    }
  })
})
