/**
 * The user's decision on a damaged log (discardDamage): the valid records before the damage become
 * the queue, written as a new generation; the damaged file's copy stays aside; nothing after the
 * damage comes back; the log takes changes again and reopens without damage.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FaultyFileLayer } from '../../../helpers/faulty-file-layer'
import {
  folderFiles,
  logFile,
  openTestLog,
  profileDir,
  statement,
} from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

describe('discarding the damage', () => {
  it('keeps the records before it as the queue and the damaged copy aside', async () => {
    const log = await openTestLog(dir)
    for (let i = 0; i < 6; i++) await log.enqueue(statement(`op-${i}`))
    await log.close()
    const original = fs.readFileSync(logFile(dir))
    const lines = original.toString('utf8').split('\n')
    const damaged = Buffer.from(original)
    // A flipped bit in the record of op-3 (line 5: base, op-0, op-1, op-2, op-3).
    damaged[lines.slice(0, 4).join('\n').length + 20]! ^= 0x04
    fs.writeFileSync(logFile(dir), damaged)

    const opened = await openTestLog(dir)
    const keptAs = opened.damage!.keptAs
    expect(opened.queued().map((op) => op.id)).toEqual(['op-0', 'op-1', 'op-2'])
    await opened.discardDamage()
    expect(opened.damage).toBeNull()
    await opened.enqueue(statement('after'))
    await opened.close()

    expect(fs.readFileSync(path.join(profileDir(dir), keptAs))).toEqual(damaged)
    const reopened = await openTestLog(dir)
    expect(reopened.damage).toBeNull()
    expect(reopened.queued().map((op) => op.id)).toEqual(['op-0', 'op-1', 'op-2', 'after'])
    expect(folderFiles(dir).filter((n) => /^log-\d+\.jsonl$/.test(n))).toHaveLength(1)
    await reopened.close()
  })

  it('is refused while no copy of the damaged file could be kept', async () => {
    const log = await openTestLog(dir)
    for (let i = 0; i < 3; i++) await log.enqueue(statement(`op-${i}`))
    await log.close()
    const damaged = fs.readFileSync(logFile(dir))
    damaged[300]! ^= 0x01
    fs.writeFileSync(logFile(dir), damaged)
    const files = new FaultyFileLayer()
    files.inject({ op: 'open', code: 'ENOSPC', pathIncludes: '.damaged-' })
    const opened = await openTestLog(dir, { files })
    expect(opened.damage?.keptAs).toBe(path.basename(logFile(dir)))
    expect(opened.damage?.message).toMatch(/could not be written/)
    await expect(opened.discardDamage()).rejects.toMatchObject({ code: 'storage' })
    await opened.close()
    expect(fs.readFileSync(logFile(dir))).toEqual(damaged)
  })
})
