/**
 * The QueueStore: one log per profile folder under <dataDir>/queue, opened once at a time (a second
 * open is a 'conflict'), profile ids checked before they become folder names, and close closes
 * every log (flushing what was taken) and releases the folder lock.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openQueueStore } from '../../../../src/main/engine/queue/storage/queue-store'
import { statement } from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

describe('the queue store', () => {
  it('keeps each profile in its own folder and opens a profile once at a time', async () => {
    const store = await openQueueStore({ dataDir: dir })
    const a = await store.open('profile-a', { maxQueueSize: 10 })
    const b = await store.open('profile_b', { maxQueueSize: 10 })
    await expect(store.open('profile-a', { maxQueueSize: 10 })).rejects.toMatchObject({
      code: 'conflict',
    })
    await a.enqueue(statement('x'))
    await b.enqueue(statement('x'))
    expect(
      fs
        .readdirSync(path.join(dir, 'queue'))
        .filter((n) => !n.endsWith('.lock'))
        .sort(),
    ).toEqual(['profile-a', 'profile_b'])
    await a.close()
    const again = await store.open('profile-a', { maxQueueSize: 10 })
    expect(again.queued().map((op) => op.id)).toEqual(['x'])
    await store.close()
  })

  it('refuses profile ids that are not plain folder names', async () => {
    const store = await openQueueStore({ dataDir: dir })
    for (const id of ['../escape', 'a/b', '', '.', 'x'.repeat(65), 'ü'])
      await expect(store.open(id, { maxQueueSize: 10 }), id).rejects.toMatchObject({
        code: 'validation',
      })
    await store.close()
  })

  it('on close flushes every log and releases the lock', async () => {
    const store = await openQueueStore({ dataDir: dir })
    const log = await store.open('p1', { maxQueueSize: 10 })
    const pending = log.enqueue(statement('last'))
    await store.close()
    await expect(pending).resolves.toMatchObject({ id: 'last' })
    await expect(store.open('p1', { maxQueueSize: 10 })).rejects.toMatchObject({
      code: 'invalid-state',
    })
    const next = await openQueueStore({ dataDir: dir })
    const reopened = await next.open('p1', { maxQueueSize: 10 })
    expect(reopened.queued().map((op) => op.id)).toEqual(['last'])
    await next.close()
  })
})
