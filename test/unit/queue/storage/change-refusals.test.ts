/**
 * Changes the log refuses without writing anything: a duplicate id ('conflict', also against a
 * pending enqueue and an operation set aside), an unknown seq or id ('not-found'), values that
 * would not read back as written ('validation'), a closed log ('invalid-state').
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  folderFiles,
  failure,
  openTestLog,
  statement,
} from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

describe('a change the log refuses', () => {
  it('is a duplicate id, queued, pending or set aside', async () => {
    const log = await openTestLog(dir)
    const a = await log.enqueue(statement('a'))
    await expect(log.enqueue(statement('a'))).rejects.toMatchObject({ code: 'conflict' })
    const pending = log.enqueue(statement('b'))
    await expect(log.enqueue(statement('b'))).rejects.toMatchObject({ code: 'conflict' })
    await pending
    await log.moveAside(a.seq, 'skipped', null)
    await expect(log.enqueue(statement('a'))).rejects.toMatchObject({ code: 'conflict' })
    expect(log.stats()).toMatchObject({ enqueued: 2, depth: 1, movedAside: 1 })
    await log.close()
  })

  it('names an unknown seq or id', async () => {
    const log = await openTestLog(dir)
    const a = await log.enqueue(statement('a'))
    await log.markApplied(a.seq)
    await expect(log.markApplied(a.seq)).rejects.toMatchObject({ code: 'not-found' })
    await expect(log.recordAttempt(99, failure())).rejects.toMatchObject({ code: 'not-found' })
    await expect(log.moveAside(99, 'skipped', null)).rejects.toMatchObject({ code: 'not-found' })
    await expect(log.replace(99, { sql: 'SELECT 1', params: [] })).rejects.toMatchObject({
      code: 'not-found',
    })
    await expect(log.requeue('a')).rejects.toMatchObject({ code: 'not-found' })
    expect(log.stats()).toMatchObject({ enqueued: 1, applied: 1, failedAttempts: 0 })
    await log.close()
  })

  it('holds values that would not read back as written', async () => {
    const log = await openTestLog(dir)
    const bad = [
      { ...statement('nan'), payload: { sql: 'SELECT $1', params: [Number.NaN] } },
      { ...statement('inf'), payload: { sql: 'SELECT $1', params: [Infinity] } },
      { ...statement('obj'), payload: { sql: 'SELECT $1', params: [{}] } },
      { ...statement(''), id: '' },
      { ...statement('x'.repeat(300)) },
      { ...statement('kind'), kind: 'other' },
      { ...statement('empty'), payload: { sql: '', params: [] } },
      { ...statement('when'), enqueuedAt: Number.NaN },
    ]
    for (const op of bad)
      await expect(log.enqueue(op as never), JSON.stringify(op).slice(0, 60)).rejects.toMatchObject(
        { code: 'validation' },
      )
    const a = await log.enqueue(statement('a'))
    await expect(log.recordAttempt(a.seq, { ...failure(), at: Number.NaN })).rejects.toMatchObject({
      code: 'validation',
    })
    expect(log.stats()).toMatchObject({ enqueued: 1, failedAttempts: 0 })
    await log.close()
  })

  it('comes after close', async () => {
    const log = await openTestLog(dir)
    await log.close()
    await expect(log.enqueue(statement('a'))).rejects.toMatchObject({ code: 'invalid-state' })
    expect(folderFiles(dir)).toEqual([])
  })
})
