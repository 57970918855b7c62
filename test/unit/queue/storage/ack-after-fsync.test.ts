/**
 * reliability D.15: an enqueue (and every other change) resolves only after the fsync that
 * covers its record; for the first record of a profile, also only after the fsync of the folder
 * the new log file was renamed into and of the folder that folder was made in. Checked on the
 * timeline of a recording file layer over real files.
 */
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  assertDirSyncedBetween,
  assertSyncedBefore,
  ended,
  markIndex,
} from '../../../helpers/ack-order-check'
import {
  failure,
  logFile,
  openTestLog,
  profileDir,
  statement,
} from '../../../helpers/queue-storage-fixture'
import { RecordingFileLayer } from '../../../helpers/recording-file-layer'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

describe('an acknowledgement', () => {
  it('of the first enqueue waits for the record fsync and both folder fsyncs', async () => {
    // A slow disk: an fsync not awaited would end after the acknowledgement.
    const files = new RecordingFileLayer(undefined, (op) => op === 'sync' || op === 'syncDir')
    const log = await openTestLog(dir, { files })
    await log.enqueue(statement('first'))
    files.mark('first resolved')

    const folder = profileDir(dir)
    const made = ended(files, 'mkdir', folder)
    assertDirSyncedBetween(files, dir, made.at, 'first resolved')
    const renamed = ended(files, 'rename', logFile(dir))
    assertDirSyncedBetween(files, folder, renamed.at, 'first resolved')
    // The new file's first record (its base) was fsynced under the temp name before the rename.
    const renameStart = files.events.findIndex((e) => e.phase === 'start' && e.op === 'rename')
    assertSyncedBefore(files, '"t":"base"', renameStart)
    assertSyncedBefore(files, '"id":"first"', 'first resolved')
    // The record goes into the renamed file, never into the temp file before the rename.
    const write = files.events.find(
      (e) => e.phase === 'end' && e.op === 'write' && e.bytes!.includes('"id":"first"'),
    )
    expect(write && 'path' in write && path.basename(write.path)).toBe(path.basename(logFile(dir)))
    expect(write!.at).toBeGreaterThan(renamed.at)
    await log.close()
  })

  it('of each of 64 concurrent enqueues waits for an fsync covering it', async () => {
    const files = new RecordingFileLayer(undefined, (op) => op === 'sync')
    const log = await openTestLog(dir, { files })
    await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        log.enqueue(statement(`op-${i}`, i, i * 40)).then(() => files.mark(`op-${i}`)),
      ),
    )
    for (let i = 0; i < 64; i++) {
      assertSyncedBefore(files, `"id":"op-${i}"`, `op-${i}`)
      assertDirSyncedBetween(
        files,
        profileDir(dir),
        ended(files, 'rename', logFile(dir)).at,
        `op-${i}`,
      )
    }
    await log.close()
  })

  it('of attempts, applied marks, set-asides, requeues and replaces waits for their fsync', async () => {
    const files = new RecordingFileLayer(undefined, (op) => op === 'sync')
    const log = await openTestLog(dir, { files })
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((id) => log.enqueue(statement(id))))
    const seqs = [a!.seq, b!.seq, c!.seq]
    await Promise.all([
      log.recordAttempt(seqs[0]!, failure('boom')).then(() => files.mark('attempt')),
      log.markApplied(seqs[1]!).then(() => files.mark('applied')),
      log.moveAside(seqs[2]!, 'skipped', null).then(() => files.mark('aside')),
    ])
    await log.requeue('c').then(() => files.mark('requeue'))
    await log.replace(seqs[0]!, { sql: 'SELECT 2', params: [] }).then(() => files.mark('replace'))
    assertSyncedBefore(files, '"t":"attempt"', 'attempt')
    assertSyncedBefore(files, '"t":"applied"', 'applied')
    assertSyncedBefore(files, '"t":"aside"', 'aside')
    assertSyncedBefore(files, '"t":"requeue"', 'requeue')
    assertSyncedBefore(files, '"t":"replace"', 'replace')
    expect(markIndex(files, 'replace')).toBeGreaterThan(markIndex(files, 'requeue'))
    await log.close()
  })
})
