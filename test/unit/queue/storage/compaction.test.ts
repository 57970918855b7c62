/**
 * Compaction of applied records: once most of the file is records of operations that left, the
 * live state (queued, aside, counters) is written as the next generation and the old file is
 * removed; the state is the same before and after, and across a reopen. Recovery keeps the
 * highest generation only, removes leftovers (a temp file, an old generation that could not be
 * removed) and numbers new generations above anything it found.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FaultyFileLayer } from '../../../helpers/faulty-file-layer'
import {
  failure,
  folderFiles,
  logFile,
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

const logs = () => folderFiles(dir).filter((n) => /^log-\d+\.jsonl$/.test(n))
const bytesInFolder = () =>
  folderFiles(dir).reduce((sum, n) => sum + fs.statSync(path.join(profileDir(dir), n)).size, 0)

describe('compaction', () => {
  it('happens on its own once most of the file is applied operations, and changes no state', async () => {
    const log = await openTestLog(dir, { compaction: { minBytes: 8 * 1024, maxLiveFraction: 0.5 } })
    const ops = []
    for (let i = 0; i < 100; i++) ops.push(await log.enqueue(statement(`op-${i}`, i, 200)))
    await log.recordAttempt(ops[97]!.seq, failure('timeout'))
    await log.moveAside(ops[98]!.seq, 'skipped', null)
    expect(logs()).toEqual(['log-0000000001.jsonl'])
    for (let i = 0; i < 95; i++) await log.markApplied(ops[i]!.seq)
    const view = viewOf(log)
    expect(logs()).not.toEqual(['log-0000000001.jsonl'])
    expect(logs()).toHaveLength(1)
    expect(fs.statSync(logFile(dir)).size).toBeLessThan(8 * 1024)
    expect(log.stats().bytesOnDisk).toBe(bytesInFolder())
    await log.close()
    const reopened = await openTestLog(dir)
    expect(viewOf(reopened)).toEqual(view)
    expect(view.counters).toEqual({
      depth: 4,
      enqueued: 100,
      applied: 95,
      failedAttempts: 1,
      movedAside: 1,
    })
    await reopened.close()
  })

  it('does not happen while the live operations are most of the file', async () => {
    const log = await openTestLog(dir, { compaction: { minBytes: 4 * 1024, maxLiveFraction: 0.5 } })
    const ops = []
    for (let i = 0; i < 60; i++) ops.push(await log.enqueue(statement(`op-${i}`, i, 200)))
    for (let i = 0; i < 10; i++) await log.markApplied(ops[i]!.seq)
    expect(logs()).toEqual(['log-0000000001.jsonl'])
    await log.close()
  })

  it('on request rewrites the state as the next generation', async () => {
    const log = await openTestLog(dir)
    const a = await log.enqueue(statement('a'))
    await log.enqueue(statement('b'))
    await log.markApplied(a.seq)
    const view = viewOf(log)
    expect(await log.compact()).toBe(true)
    expect(logs()).toEqual(['log-0000000002.jsonl'])
    expect(viewOf(log)).toEqual(view)
    await log.enqueue(statement('c'))
    await log.close()
    const reopened = await openTestLog(dir)
    expect(reopened.queued().map((op) => op.id)).toEqual(['b', 'c'])
    await reopened.close()
  })

  it('leaves a temp file of an interrupted one to recovery, which removes it and numbers above it', async () => {
    const log = await openTestLog(dir)
    await log.enqueue(statement('a'))
    await log.close()
    fs.writeFileSync(
      path.join(profileDir(dir), 'log-0000000009.jsonl.tmp'),
      '{"v":1,"n":0,"t":"base"',
    )
    const reopened = await openTestLog(dir)
    expect(folderFiles(dir)).toEqual(['log-0000000001.jsonl'])
    expect(await reopened.compact()).toBe(true)
    expect(logs()).toEqual(['log-0000000010.jsonl'])
    expect(reopened.queued().map((op) => op.id)).toEqual(['a'])
    await reopened.close()
  })

  it('whose old file could not be removed does not let recovery take the old file for the log', async () => {
    const files = new FaultyFileLayer()
    const log = await openTestLog(dir, { files })
    const a = await log.enqueue(statement('a'))
    await log.markApplied(a.seq)
    files.inject({ op: 'unlink', code: 'EIO', pathIncludes: 'log-0000000001.jsonl' })
    expect(await log.compact()).toBe(true)
    await log.enqueue(statement('b'))
    expect(logs()).toEqual(['log-0000000001.jsonl', 'log-0000000002.jsonl'])
    expect(log.stats().bytesOnDisk).toBe(bytesInFolder())
    await log.close()
    const reopened = await openTestLog(dir)
    expect(reopened.queued().map((op) => op.id)).toEqual(['b'])
    expect(logs()).toEqual(['log-0000000002.jsonl'])
    await reopened.close()
  })
})
