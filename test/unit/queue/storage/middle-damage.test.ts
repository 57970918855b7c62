/**
 * reliability D.18, damage before the last valid record: a flipped bit in a middle record, a
 * middle line cut short, grown or merged with the next, a line that passes its checksum but is not
 * JSON, a format version this Lifeguard does not know, a record missing from the middle. Each one
 * stops the log: the damage is reported with counts, a copy of the file is kept aside, the file
 * itself is left untouched, only the records before the damage are listed (nothing after it is
 * offered for replay, never skip-and-continue), and every change is refused.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crc32cHex } from '../../../../src/main/engine/queue/storage/crc32c'
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

const OPS = 8

/** Line 1 is the base record, lines 2..9 enqueue op-0..op-7. */
async function writeLog(): Promise<Buffer[]> {
  const log = await openTestLog(dir)
  for (let i = 0; i < OPS; i++) await log.enqueue(statement(`op-${i}`, i, 80))
  await log.close()
  const text = fs.readFileSync(logFile(dir))
  const lines: Buffer[] = []
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf(0x0a, at)
    lines.push(text.subarray(at, nl + 1))
    at = nl + 1
  }
  return lines
}

/** A line with a valid checksum around any content (what a newer or foreign writer could write). */
function checksummed(head: string): Buffer {
  return Buffer.from(`${head},"c":"${crc32cHex(Buffer.from(head))}"}\n`)
}

async function expectDamage(content: Buffer, firstBadLine: number, reason: RegExp) {
  fs.writeFileSync(logFile(dir), content)
  const log = await openTestLog(dir)
  const damage = log.damage
  expect(damage).not.toBeNull()
  const totalLines = content
    .toString('latin1')
    .split('\n')
    .filter((l, i, all) => l !== '' || i < all.length - 1).length
  expect(damage!.recordsBefore).toBe(firstBadLine - 1)
  expect(damage!.recordsAffected).toBe(totalLines - firstBadLine + 1)
  expect(damage!.message).toMatch(reason)
  expect(damage!.message).toContain(damage!.keptAs)
  // Only what came before the damage is listed (line 1 is the base, line k enqueued op-(k-2)).
  expect(log.queued().map((op) => op.id)).toEqual(
    Array.from({ length: Math.max(0, firstBadLine - 2) }, (_, i) => `op-${i}`),
  )
  // The copy kept aside is the damaged file, and the file itself was not changed or cut.
  expect(fs.readFileSync(path.join(profileDir(dir), damage!.keptAs))).toEqual(content)
  expect(fs.readFileSync(logFile(dir))).toEqual(content)
  // Every change is refused, so nothing is ever written after the damage.
  await expect(log.enqueue(statement('new'))).rejects.toMatchObject({ code: 'storage' })
  const head = log.head()
  if (head) await expect(log.markApplied(head.seq)).rejects.toMatchObject({ code: 'storage' })
  await log.close()
  expect(fs.readFileSync(logFile(dir))).toEqual(content)
  return damage!
}

describe('damage before the last valid record', () => {
  it('from a flipped bit in a middle record stops the log, with counts and a copy', async () => {
    const lines = await writeLog()
    for (const [line, offset] of [
      [4, 10],
      [5, lines[4]!.length - 5],
      [6, lines[5]!.length - 1],
    ] as const) {
      const damaged = lines.map((l) => Buffer.from(l))
      damaged[line - 1]![offset]! ^= 0x10
      // The third flip turns a newline into 0x1a: two lines become one (counted as such).
      await expectDamage(Buffer.concat(damaged), line, /failed its checksum/)
      for (const name of folderFiles(dir))
        if (name.includes('.damaged-')) fs.rmSync(path.join(profileDir(dir), name))
    }
  })

  it('keeps one copy aside however often it is opened', async () => {
    const lines = await writeLog()
    const damaged = lines.map((l) => Buffer.from(l))
    damaged[3]![20]! ^= 1
    const first = await expectDamage(Buffer.concat(damaged), 4, /checksum/)
    const second = await expectDamage(Buffer.concat(damaged), 4, /checksum/)
    expect(second.keptAs).toBe(first.keptAs)
    expect(folderFiles(dir).filter((n) => n.includes('.damaged-'))).toEqual([first.keptAs])
  })

  it('from a middle line cut short, grown or merged with the next one', async () => {
    const lines = await writeLog()
    const cut = [...lines]
    cut[4] = Buffer.concat([lines[4]!.subarray(0, 30), Buffer.from('\n')])
    await expectDamage(Buffer.concat(cut), 5, /checksum/)
    const grown = [...lines]
    grown[4] = Buffer.concat([
      lines[4]!.subarray(0, 30),
      Buffer.from('extra'),
      lines[4]!.subarray(30),
    ])
    await expectDamage(Buffer.concat(grown), 5, /checksum/)
    const merged = [...lines]
    merged[4] = lines[4]!.subarray(0, lines[4]!.length - 1)
    await expectDamage(Buffer.concat(merged), 5, /checksum/)
  })

  it('from a middle line that passes its checksum but is not JSON', async () => {
    const lines = await writeLog()
    const bad = [...lines]
    bad[3] = checksummed('{"v":1,"n":3,"t":"enqueue","d":{"id":')
    await expectDamage(Buffer.concat(bad), 4, /not JSON/)
  })

  it('from a format version this Lifeguard does not know, in the middle or at the end', async () => {
    const lines = await writeLog()
    const newer = [...lines]
    newer[3] = checksummed('{"v":2,"n":3,"t":"enqueue","d":{}')
    await expectDamage(Buffer.concat(newer), 4, /format version 2/)
    // A complete last line with a valid checksum was written whole: it is not a torn tail.
    const last = [...lines]
    last[lines.length - 1] = checksummed(`{"v":2,"n":${OPS},"t":"enqueue","d":{}`)
    await expectDamage(Buffer.concat(last), lines.length, /format version 2/)
  })

  it('from a record missing in the middle (a gap in the record numbers)', async () => {
    const lines = await writeLog()
    const gap = [...lines.slice(0, 4), ...lines.slice(5)]
    await expectDamage(Buffer.concat(gap), 5, /jump from 3 to 5/)
  })

  it('from a file that belongs to another generation or profile', async () => {
    const lines = await writeLog()
    const renamed = logFile(dir).replace('log-0000000001', 'log-0000000002')
    fs.renameSync(logFile(dir), renamed)
    const log = await openTestLog(dir)
    expect(log.damage?.message).toMatch(/generation 1, the file name 2/)
    await log.close()
    fs.rmSync(renamed)
    fs.writeFileSync(path.join(profileDir(dir), 'log-0000000001.jsonl'), Buffer.concat(lines))
    fs.mkdirSync(profileDir(dir, 'p2'), { recursive: true })
    fs.copyFileSync(logFile(dir), path.join(profileDir(dir, 'p2'), 'log-0000000001.jsonl'))
    const copied = await openTestLog(dir, { profileId: 'p2' })
    expect(copied.damage?.message).toMatch(/belongs to profile "p1"/)
    await copied.close()
  })

  it('from a base record whose counters do not add up', async () => {
    const lines = await writeLog()
    const base = checksummed(
      '{"v":1,"n":0,"t":"base","d":{"profileId":"p1","generation":1,"live":0,' +
        '"counters":{"enqueued":5,"applied":0,"failedAttempts":0,"movedAside":0},"createdAt":0}',
    )
    await expectDamage(Buffer.concat([base, ...lines.slice(1)]), 1, /counters .* do not add up/)
  })

  it('from a record that does not fit the state (applied for an unknown seq)', async () => {
    const lines = await writeLog()
    const wrong = [
      ...lines.slice(0, 4),
      checksummed('{"v":1,"n":4,"t":"applied","d":{"seq":77}'),
      ...lines.slice(5),
    ]
    await expectDamage(Buffer.concat(wrong), 5, /does not fit/)
  })
})
