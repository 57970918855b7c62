/**
 * One writer per data directory, as the app runs it: a second Monitor on the same data directory
 * finds the queue store's lock held, raises a warning naming the reason, and runs without write
 * queues (queue:* answers 'storage', the statuses say 'storage-failed', deleting a profile with a
 * queue folder is refused) without touching the first one's files; the first keeps queueing and
 * replaying, and disposing the second does not release the first one's lock.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Monitor } from '../../../src/main/engine/monitor/monitor'
import { eventually } from '../../helpers/monitor-harness'
import { tempDir } from '../../helpers/temp-dir'
import { admin, openFastMonitor, ownDatabase, saveProfile } from './support/wiring-fixture'

let db: { name: string; drop(): Promise<void> }
const monitors: Monitor[] = []
const temp = tempDir('lifeguard-qw-second-')

beforeAll(async () => {
  db = await ownDatabase('lg_qw_second')
  await admin('CREATE TABLE writes (v int NOT NULL)', [], db.name)
})
afterAll(async () => {
  for (const m of monitors) await m.dispose()
  await db?.drop()
  temp.cleanup()
})

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, file)] = fs.readFileSync(file, 'utf8')
  }
  return out
}

describe('a second Lifeguard on the same data directory', () => {
  it('runs without write queues and leaves the first one alone', async () => {
    const first = openFastMonitor(temp.dir)
    monitors.push(first)
    const id = saveProfile(first, 'orders', db.name)
    await first.queues.ready()
    expect(
      await first.queues.submit(id, 'INSERT INTO writes VALUES ($1)', [1], true),
    ).toMatchObject({
      outcome: 'queued',
    })
    const queueDir = path.join(temp.dir, 'queue')
    const before = filesUnder(queueDir)

    const second = openFastMonitor(temp.dir)
    monitors.push(second)
    await second.queues.ready()
    const warning = second.info().warnings.find((w) => w.id === 'queue-store-unavailable')
    expect(warning?.message).toMatch(/^Write queues are off in this run: .* is locked: .*\(pid \d+/)
    await expect(second.queues.view(id)).rejects.toMatchObject({ code: 'storage' })
    await expect(
      second.queues.submit(id, 'INSERT INTO writes VALUES ($1)', [2], true),
    ).rejects.toMatchObject({
      code: 'storage',
    })
    expect(second.snapshot().queues?.[0]).toMatchObject({
      state: 'storage-failed',
      storageError: { code: 'storage' },
    })
    await expect(second.deleteProfile(id)).rejects.toMatchObject({ code: 'invalid-state' })
    expect(filesUnder(queueDir)).toEqual(before)
    await second.dispose()

    // The first still holds the lock: a third is refused too, and the first replays as before.
    const third = openFastMonitor(temp.dir)
    monitors.push(third)
    await third.queues.ready()
    expect(third.queues.unavailable?.code).toBe('storage')
    await first.connect(id)
    await eventually(async () => first.queues.status(id).depth === 0, 10_000)
    expect(await admin('SELECT v FROM writes', [], db.name)).toEqual([{ v: 1 }])
  })
})
