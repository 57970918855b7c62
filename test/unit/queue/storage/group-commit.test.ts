/**
 * Group commit: concurrent changes share one write + fsync, and none of them is acknowledged
 * before that fsync returned (checked on a recording layer's timeline, with a slow fsync).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assertSyncedBefore } from '../../../helpers/ack-order-check'
import { logFile, openTestLog, statement } from '../../../helpers/queue-storage-fixture'
import { RecordingFileLayer } from '../../../helpers/recording-file-layer'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

function recordSyncs(files: RecordingFileLayer): number {
  return files.ended('sync').filter((e) => e.path === logFile(dir)).length
}

describe('group commit', () => {
  it('writes 64 enqueues made together with one write and one fsync', async () => {
    const files = new RecordingFileLayer(undefined, (op) => op === 'sync')
    const log = await openTestLog(dir, { files })
    await log.enqueue(statement('warm-up'))
    const syncsBefore = recordSyncs(files)
    const writesBefore = files.ended('write').length
    await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        log.enqueue(statement(`op-${i}`, i)).then(() => files.mark(`op-${i}`)),
      ),
    )
    expect(recordSyncs(files) - syncsBefore).toBe(1)
    expect(files.ended('write').length - writesBefore).toBe(1)
    for (let i = 0; i < 64; i++) assertSyncedBefore(files, `"id":"op-${i}"`, `op-${i}`)
    await log.close()
  })

  it('lets 64 producers that each wait for their last ack share fsyncs all along', async () => {
    const files = new RecordingFileLayer(undefined, (op) => op === 'sync')
    const log = await openTestLog(dir, { files, maxQueueSize: 10_000 })
    const rounds = 10
    await Promise.all(
      Array.from({ length: 64 }, async (_, p) => {
        for (let r = 0; r < rounds; r++) {
          await log.enqueue(statement(`p${p}-r${r}`, r))
          files.mark(`p${p}-r${r}`)
        }
      }),
    )
    const syncs = recordSyncs(files)
    // One fsync per round when every producer joins the group its previous ack was freed by.
    expect(syncs).toBeGreaterThanOrEqual(rounds)
    expect(syncs).toBeLessThanOrEqual(rounds + 2)
    for (let p = 0; p < 64; p++)
      for (let r = 0; r < rounds; r++)
        assertSyncedBefore(files, `"id":"p${p}-r${r}"`, `p${p}-r${r}`)
    expect(log.queued().map((op) => op.id)).toHaveLength(64 * rounds)
    await log.close()
  })

  it('groups applied marks made together (a replayed batch) into one fsync', async () => {
    const files = new RecordingFileLayer()
    const log = await openTestLog(dir, { files })
    const ops = await Promise.all(
      Array.from({ length: 50 }, (_, i) => log.enqueue(statement(`op-${i}`))),
    )
    const before = recordSyncs(files)
    await Promise.all(ops.map((op) => log.markApplied(op.seq)))
    expect(recordSyncs(files) - before).toBe(1)
    expect(log.stats()).toMatchObject({ depth: 0, applied: 50 })
    await log.close()
  })
})
