/**
 * Nothing acknowledged may vanish with a deleted profile: deleting one with queued writes is
 * refused, naming how many (the profile, its queue and its folder stay); once they are applied the
 * profile goes and so does its empty queue folder; a queue that still holds moved-aside operations
 * keeps its folder on disk (renamed, named in a warning).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { wiredMonitor } from './support'

const insert = 'INSERT INTO t (v) VALUES ($1)'

describe('deleting a profile with a write queue', () => {
  it('is refused while writes are queued, and removes the emptied queue afterwards', async () => {
    const h = wiredMonitor()
    try {
      const id = await h.profile('orders', false)
      await h.monitor.queues.ready()
      for (const v of [1, 2])
        expect(await h.monitor.queues.submit(id, insert, [v], true)).toMatchObject({
          outcome: 'queued',
        })
      await expect(h.monitor.deleteProfile(id)).rejects.toMatchObject({
        code: 'invalid-state',
        message: expect.stringMatching(/still has 2 queued writes .* would lose them/),
      })
      expect(h.monitor.listProfiles().map((p) => p.id)).toEqual([id])
      expect(h.monitor.queues.status(id).depth).toBe(2)
      const folder = path.join(h.dir, 'queue', id)
      expect(fs.existsSync(folder)).toBe(true)

      await h.monitor.connect(id)
      await h.until(
        'replayed',
        () => h.monitor.queues.status(id).depth,
        (d) => d === 0,
      )
      await h.monitor.deleteProfile(id)
      expect(h.monitor.listProfiles()).toEqual([])
      expect(fs.existsSync(folder)).toBe(false)
      expect(fs.readdirSync(path.join(h.dir, 'queue')).filter((n) => n.startsWith(id))).toEqual([])
    } finally {
      await h.close()
    }
  })

  it('keeps the folder of a queue with moved-aside operations, and says where', async () => {
    const h = wiredMonitor()
    const warnings: string[] = []
    h.monitor.events.on('app:warning-raised', (w) => warnings.push(w.message))
    try {
      const id = await h.profile('orders', false)
      await h.monitor.queues.ready()
      const queued = await h.monitor.queues.submit(id, insert, [1], true)
      if (queued.outcome !== 'queued') throw new Error('not queued')
      h.failStatements(/^INSERT INTO t/)
      await h.monitor.connect(id)
      await h.until(
        'blocked',
        () => h.monitor.queues.status(id).state,
        (s) => s === 'blocked',
      )
      await h.monitor.queues.resolve(id, queued.operationId, 'skip')
      expect(h.monitor.queues.status(id)).toMatchObject({ depth: 0, movedAside: 1 })

      await h.monitor.deleteProfile(id)
      const kept = fs
        .readdirSync(path.join(h.dir, 'queue'))
        .filter((n) => n.startsWith(`${id}.deleted-`))
      expect(kept).toHaveLength(1)
      expect(
        fs.readdirSync(path.join(h.dir, 'queue', kept[0]!)).some((n) => n.endsWith('.jsonl')),
      ).toBe(true)
      expect(
        warnings.some((w) => w.includes('1 moved-aside operation') && w.includes(kept[0]!)),
      ).toBe(true)
    } finally {
      await h.close()
    }
  })
})
