/**
 * Every kind of change (enqueue, attempt, applied, aside, requeue, replace) is a durable record:
 * after close and reopen the log shows exactly what it showed before, counters included
 * (applied + aside + queued = enqueued), and bytesOnDisk is the size of what is on disk.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { payloadHash } from '../../../../src/main/engine/queue/storage/payload-hash'
import {
  failure,
  folderFiles,
  openTestLog,
  profileDir,
  statement,
  viewOf,
} from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

function bytesInFolder(): number {
  const d = profileDir(dir)
  return folderFiles(dir).reduce((sum, n) => sum + fs.statSync(path.join(d, n)).size, 0)
}

describe('changes to the queue', () => {
  it('are all found again, in order, after reopening', async () => {
    const log = await openTestLog(dir)
    const a = await log.enqueue(statement('a', 1))
    const b = await log.enqueue(statement('b', 2))
    const c = await log.enqueue(statement('c', 3))
    const d = await log.enqueue(statement('d', 4))
    expect([a.seq, b.seq, c.seq, d.seq]).toEqual(
      [...[a.seq, b.seq, c.seq, d.seq]].sort((x, y) => x - y),
    )
    expect(new Set([a.seq, b.seq, c.seq, d.seq]).size).toBe(4)
    expect(a.payloadHash).toBe(payloadHash('statement', a.payload))

    await log.recordAttempt(a.seq, failure('first'))
    await log.recordAttempt(a.seq, failure('second'))
    await log.markApplied(a.seq)
    await log.moveAside(b.seq, 'permanent-error', failure('unique violation'))
    await log.moveAside(c.seq, 'expired', null)
    const edited = await log.replace(d.seq, {
      sql: 'INSERT INTO lg_items (v) VALUES ($1), ($2)',
      params: [4, 5],
    })
    expect(edited).toMatchObject({ seq: d.seq, attempts: 0, lastError: null })
    expect(edited.payloadHash).toBe(payloadHash('statement', edited.payload))
    const back = await log.requeue('b')
    expect(back.seq).toBeGreaterThan(d.seq)
    expect(back).toMatchObject({ id: 'b', attempts: 0, lastError: null })

    const before = viewOf(log)
    expect(before.queued.map((o) => o.id)).toEqual(['d', 'b'])
    expect(before.aside).toEqual([{ id: 'c', reason: 'expired', seq: c.seq }])
    expect(before.counters).toEqual({
      depth: 2,
      enqueued: 4,
      applied: 1,
      failedAttempts: 2,
      movedAside: 1,
    })
    const { applied, movedAside, depth, enqueued } = before.counters
    expect(applied + movedAside + depth).toBe(enqueued)
    await log.close()

    const reopened = await openTestLog(dir)
    expect(viewOf(reopened)).toEqual(before)
    expect(reopened.stats().bytesOnDisk).toBe(bytesInFolder())
    expect(reopened.head()?.id).toBe('d')
    await reopened.close()
  })

  it('keep the last error of an operation set aside without one of its own', async () => {
    const log = await openTestLog(dir)
    const a = await log.enqueue(statement('a'))
    await log.recordAttempt(a.seq, failure('timeout'))
    await log.moveAside(a.seq, 'attempts-exhausted', null)
    await log.close()
    const reopened = await openTestLog(dir)
    expect(reopened.aside()[0]).toMatchObject({ reason: 'attempts-exhausted', attempts: 1 })
    expect(reopened.aside()[0]?.lastError?.message).toBe('timeout')
    await reopened.close()
  })

  it('count bytesOnDisk as the files really are while writing', async () => {
    const log = await openTestLog(dir)
    expect(log.stats().bytesOnDisk).toBe(0)
    for (let i = 0; i < 5; i++) await log.enqueue(statement(`op-${i}`, i, 300))
    expect(log.stats().bytesOnDisk).toBe(bytesInFolder())
    expect(log.stats().bytesOnDisk).toBeGreaterThan(5 * 300)
    await log.close()
  })

  it('hand out operations that cannot be changed behind the log', async () => {
    const log = await openTestLog(dir)
    const input = statement('a', 1)
    const op = await log.enqueue(input)
    input.payload.params[0] = 99
    expect(log.head()?.payload.params).toEqual([1])
    expect(() => {
      ;(op as { attempts: number }).attempts = 5
    }).toThrow(TypeError)
    expect(() => log.queued()[0]!.payload.params.push(2)).toThrow(TypeError)
    await log.close()
  })
})
