/**
 * A queue file damaged between runs (a byte of a middle record changed, valid records after it):
 * the next Monitor opens the queue at start in state 'damaged' with the counts and the kept copy,
 * runs nothing from it, and queue:discard-damage (the user's decision) makes the intact records
 * before the damage the queue again, which then replays; the damaged copy stays on disk.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { wiredMonitor } from './support'

describe('a damaged queue', () => {
  it('is reported, replays nothing, and after the decision replays the intact part', async () => {
    const first = wiredMonitor()
    const id = await first.profile('orders', false)
    await first.monitor.queues.ready()
    for (const v of ['one', 'two', 'three'])
      await first.monitor.queues.submit(id, 'INSERT INTO t VALUES ($1)', [v], true)
    await first.monitor.dispose()

    const folder = path.join(first.dir, 'queue', id)
    const log = fs.readdirSync(folder).find((n) => n.endsWith('.jsonl'))!
    const text = fs.readFileSync(path.join(folder, log), 'utf8')
    expect(text.split('\n').filter((l) => l.includes('"two"'))).toHaveLength(1)
    fs.writeFileSync(path.join(folder, log), text.replace('"two"', '"twX"'))

    const again = wiredMonitor(first.dir)
    try {
      await again.monitor.queues.ready()
      const damaged = again.monitor.queues.status(id)
      expect(damaged.state).toBe('damaged')
      expect(damaged.damage).toMatchObject({ keptAs: expect.stringContaining('.damaged-') })
      expect(damaged.damage!.recordsAffected).toBeGreaterThanOrEqual(2)
      expect(damaged.depth).toBe(1)
      await again.monitor.connect(id, 'sekret-pw-1234')
      await again.clock.advance(5_000)
      expect(again.statements().some((s) => s.sql.startsWith('INSERT INTO t'))).toBe(false)
      expect(
        await again.monitor.queues.submit(id, 'INSERT INTO t VALUES ($1)', ['four'], false),
      ).toMatchObject({
        outcome: 'unavailable',
        reason: { message: expect.stringMatching(/damaged/) },
      })

      const view = await again.monitor.queues.discardDamage(id)
      expect(view.status.damage).toBeNull()
      await again.until(
        'replayed',
        () => again.monitor.queues.status(id).depth,
        (d) => d === 0,
      )
      const inserts = again.statements().filter((s) => s.sql.startsWith('INSERT INTO t'))
      expect(inserts.map((s) => s.params)).toEqual([['one']])
      expect(fs.readdirSync(folder).some((n) => n === damaged.damage!.keptAs)).toBe(true)
    } finally {
      await again.close()
      await first.close()
    }
  })
})
