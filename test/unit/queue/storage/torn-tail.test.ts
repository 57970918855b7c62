/**
 * reliability D.18, the torn tail: a last record cut at ANY byte (a write interrupted by a
 * crash), a last line that fails its checksum, zeros or garbage after the last record: all were
 * never acknowledged, so they are dropped silently (no damage), the records before are intact,
 * the file is cut back to the last valid record, and the log takes new records after it.
 */
import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { logFile, openTestLog, statement, viewOf } from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** A log of 4 enqueues and an attempt, then one more enqueue as the last record. */
async function writeLog() {
  const log = await openTestLog(dir)
  for (let i = 0; i < 4; i++) await log.enqueue(statement(`op-${i}`, i, 120))
  await log.recordAttempt(log.head()!.seq, {
    code: 'timeout',
    sqlstate: null,
    message: 'timed out',
    errorClass: 'transient',
    at: 1,
  })
  const withoutLast = viewOf(log)
  const sizeWithoutLast = fs.statSync(logFile(dir)).size
  await log.enqueue(statement('last', 'l', 300))
  const withLast = viewOf(log)
  await log.close()
  const full = fs.readFileSync(logFile(dir))
  return { withoutLast, withLast, sizeWithoutLast, full }
}

async function reopenWith(content: Buffer) {
  fs.writeFileSync(logFile(dir), content)
  return openTestLog(dir)
}

describe('a torn last record', () => {
  it('is dropped silently when the file is cut at any byte of it', async () => {
    const { withoutLast, sizeWithoutLast, full } = await writeLog()
    let checked = 0
    for (let cut = sizeWithoutLast; cut < full.length; cut++) {
      const log = await reopenWith(full.subarray(0, cut))
      expect(log.damage, `cut at ${cut}`).toBeNull()
      expect(viewOf(log), `cut at ${cut}`).toEqual(withoutLast)
      expect(fs.statSync(logFile(dir)).size, `cut at ${cut}`).toBe(sizeWithoutLast)
      await log.close()
      checked++
    }
    expect(checked).toBe(full.length - sizeWithoutLast)
  })

  it('leaves a log that takes new records right after the last valid one', async () => {
    const { sizeWithoutLast, full } = await writeLog()
    const log = await reopenWith(full.subarray(0, full.length - 7))
    await log.enqueue(statement('after', 'a'))
    await log.close()
    const reopened = await openTestLog(dir)
    expect(reopened.damage).toBeNull()
    expect(reopened.queued().map((op) => op.id)).toEqual(['op-0', 'op-1', 'op-2', 'op-3', 'after'])
    expect(fs.readFileSync(logFile(dir)).subarray(0, sizeWithoutLast)).toEqual(
      full.subarray(0, sizeWithoutLast),
    )
    await reopened.close()
  })

  it('is dropped when its checksum fails, whatever bit flipped', async () => {
    const { withoutLast, sizeWithoutLast, full } = await writeLog()
    for (let at = sizeWithoutLast; at < full.length - 1; at += 13) {
      const flipped = Buffer.from(full)
      flipped[at]! ^= 1 << (at % 8)
      const log = await reopenWith(flipped)
      expect(log.damage, `bit flipped at ${at}`).toBeNull()
      expect(viewOf(log), `bit flipped at ${at}`).toEqual(withoutLast)
      await log.close()
    }
  })

  it('is dropped with zeros or garbage after it (a size ahead of its data)', async () => {
    const { withLast, full } = await writeLog()
    const tails = [
      Buffer.alloc(4096),
      Buffer.from('\x00\x00{"v":1,"n":'),
      Buffer.from('garbage\nmore garbage\n\x07\x08'),
      Buffer.from('\n\n\n'),
    ]
    for (const tail of tails) {
      const log = await reopenWith(Buffer.concat([full, tail]))
      expect(log.damage, JSON.stringify(tail.toString().slice(0, 20))).toBeNull()
      expect(viewOf(log)).toEqual(withLast)
      expect(fs.statSync(logFile(dir)).size).toBe(full.length)
      await log.close()
    }
  })
})
