/**
 * maxQueueSize is enforced in enqueue atomically with the append: a full queue refuses with
 * 'queue-full', naming the limit and the depth; concurrent enqueues racing for the last places
 * get exactly as many as are left; nothing already queued is ever dropped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LifeguardError } from '../../../../src/main/engine/core/errors'
import { openTestLog, statement } from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

describe('a full queue', () => {
  it('refuses with a clear error and keeps everything it holds', async () => {
    const log = await openTestLog(dir, { maxQueueSize: 5 })
    for (let i = 0; i < 5; i++) await log.enqueue(statement(`op-${i}`))
    const error = (await log.enqueue(statement('sixth')).catch((e: unknown) => e)) as LifeguardError
    expect(error.code).toBe('queue-full')
    expect(error.message).toMatch(/5 operations are queued/)
    expect(error.message).toMatch(/maxQueueSize\) is 5/)
    expect(error.message).toMatch(/nothing queued was dropped/)
    expect(log.stats()).toMatchObject({ depth: 5, enqueued: 5 })
    await log.close()
    const reopened = await openTestLog(dir, { maxQueueSize: 5 })
    expect(reopened.queued().map((op) => op.id)).toEqual(['op-0', 'op-1', 'op-2', 'op-3', 'op-4'])
    await reopened.close()
  })

  it('gives concurrent enqueues exactly the places that are left (pending ones count)', async () => {
    const log = await openTestLog(dir, { maxQueueSize: 10 })
    for (let i = 0; i < 7; i++) await log.enqueue(statement(`op-${i}`))
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => log.enqueue(statement(`race-${i}`))),
    )
    const taken = results.filter((r) => r.status === 'fulfilled')
    const refused = results.filter((r) => r.status === 'rejected')
    expect(taken).toHaveLength(3)
    expect(refused.map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(5).fill('queue-full'),
    )
    // The first three asked got the places, in the order they asked.
    expect(
      log
        .queued()
        .slice(7)
        .map((op) => op.id),
    ).toEqual(['race-0', 'race-1', 'race-2'])
    await log.close()
  })

  it('takes operations again once one has left, and refuses a requeue while full', async () => {
    const log = await openTestLog(dir, { maxQueueSize: 2 })
    const a = await log.enqueue(statement('a'))
    await log.enqueue(statement('b'))
    await log.moveAside(a.seq, 'skipped', null)
    await log.enqueue(statement('c'))
    await expect(log.requeue('a')).rejects.toMatchObject({ code: 'queue-full' })
    expect(log.aside().map((op) => op.id)).toEqual(['a'])
    await log.markApplied(log.head()!.seq)
    await log.requeue('a')
    expect(log.queued().map((op) => op.id)).toEqual(['c', 'a'])
    await log.close()
  })

  it('keeps operations recovered beyond a lowered limit, and refuses new ones', async () => {
    const log = await openTestLog(dir, { maxQueueSize: 10 })
    for (let i = 0; i < 4; i++) await log.enqueue(statement(`op-${i}`))
    await log.close()
    const smaller = await openTestLog(dir, { maxQueueSize: 2 })
    expect(smaller.stats().depth).toBe(4)
    await expect(smaller.enqueue(statement('new'))).rejects.toMatchObject({ code: 'queue-full' })
    await smaller.close()
  })
})
