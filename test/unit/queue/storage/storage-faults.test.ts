/**
 * reliability D.20: ENOSPC and EIO on a write or an fsync refuse the change visibly ('storage',
 * with the file-system error as the cause), never acknowledge it, never retry-fsync-then-ack, and
 * leave the log as if the change had never been asked for: not in the view, not brought back by a
 * later successful fsync, not brought back by recovery, even when the failed fsync did put the
 * bytes on the disk (the log cuts them off and fsyncs that before refusing).
 */
import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LifeguardError } from '../../../../src/main/engine/core/errors'
import { FaultyFileLayer } from '../../../helpers/faulty-file-layer'
import { PowerLossFileLayer } from '../../../helpers/power-loss-file-layer'
import {
  folderFiles,
  logFile,
  openTestLog,
  prng,
  statement,
  viewOf,
} from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

async function refusal(promise: Promise<unknown>): Promise<LifeguardError> {
  const error = (await promise.then(
    () => expect.unreachable('the change was acknowledged'),
    (e: unknown) => e,
  )) as LifeguardError
  expect(error.code).toBe('storage')
  return error
}

/** A log holding a and b, over a power-loss layer with a faulty layer on top. */
async function setUp() {
  const disk = PowerLossFileLayer.over(dir, prng(7))
  const files = new FaultyFileLayer(disk)
  const log = await openTestLog(dir, { files })
  await log.enqueue(statement('a'))
  await log.enqueue(statement('b'))
  return { disk, files, log, before: viewOf(log), size: fs.statSync(logFile(dir)).size }
}

describe('a full or failing disk', () => {
  for (const code of ['ENOSPC', 'EIO'] as const) {
    it(`refuses an enqueue whose write fails with ${code} part-way`, async () => {
      const { disk, files, log, before, size } = await setUp()
      files.inject({ op: 'write', code, partialBytes: 40 })
      const error = await refusal(log.enqueue(statement('refused', 'r', 500)))
      expect(error.message).toContain(code)
      expect((error.cause as NodeJS.ErrnoException).code).toBe(code)
      expect(viewOf(log)).toEqual(before)
      expect(fs.statSync(logFile(dir)).size).toBe(size)
      await log.enqueue(statement('c'))
      disk.crash('tear')
      const reopened = await openTestLog(dir)
      expect(reopened.queued().map((op) => op.id)).toEqual(['a', 'b', 'c'])
      await reopened.close()
    })

    it(`refuses an enqueue whose fsync fails with ${code}, even though its bytes reached the disk`, async () => {
      const { disk, files, log, before, size } = await setUp()
      files.inject({ op: 'sync', code, persisted: true })
      const error = await refusal(log.enqueue(statement('refused', 'r', 500)))
      expect((error.cause as NodeJS.ErrnoException).code).toBe(code)
      expect(viewOf(log)).toEqual(before)
      // Cut off and fsynced before the refusal: a crash right now does not bring it back.
      expect(fs.statSync(logFile(dir)).size).toBe(size)
      disk.crash('drop')
      const reopened = await openTestLog(dir)
      expect(viewOf(reopened)).toEqual(before)
      expect(fs.readFileSync(logFile(dir), 'utf8')).not.toContain('refused')
      await reopened.close()
    })

    it(`does not let a later good fsync bring back a change refused on ${code}`, async () => {
      const { disk, files, log } = await setUp()
      files.inject({ op: 'sync', code, persisted: true })
      await refusal(log.enqueue(statement('refused', 'r', 500)))
      await log.enqueue(statement('c'))
      disk.crash('tear')
      const reopened = await openTestLog(dir)
      expect(reopened.damage).toBeNull()
      expect(reopened.queued().map((op) => op.id)).toEqual(['a', 'b', 'c'])
      expect(fs.readFileSync(logFile(dir), 'utf8')).not.toContain('refused')
      await reopened.close()
    })
  }

  it('refuses every change of the failed group and those taken while it was written', async () => {
    const { files, log, before } = await setUp()
    files.inject({ op: 'sync', code: 'EIO' })
    const group = ['x', 'y', 'z'].map((id) => log.enqueue(statement(id)))
    const applied = log.markApplied(log.head()!.seq)
    // The group's write is under way after this turn; what comes now waits behind it.
    await new Promise((resolve) => setImmediate(resolve))
    const behind = log.enqueue(statement('w'))
    await Promise.all([...group, applied, behind].map(refusal))
    expect(viewOf(log)).toEqual(before)
    expect(log.storageError).toBeNull()
    // The same ids can be enqueued again: nothing of them was kept.
    await Promise.all(['x', 'y', 'z'].map((id) => log.enqueue(statement(id))))
    expect(log.queued().map((op) => op.id)).toEqual(['a', 'b', 'x', 'y', 'z'])
    await log.close()
  })

  it('refuses everything while a failed write cannot be undone, and heals once it can', async () => {
    const { disk, files, log, before } = await setUp()
    files.inject({ op: 'sync', code: 'EIO', times: 2 })
    files.inject({ op: 'truncate', code: 'EIO', times: 2 })
    await refusal(log.enqueue(statement('refused')))
    expect(log.storageError).toMatchObject({
      code: 'storage',
      message: expect.stringMatching(/undoing it failed too/),
    })
    const writes = disk.log.filter((op) => op.op === 'write').length
    // Undoing fails again (truncate): refused without writing anything.
    await refusal(log.enqueue(statement('while-failed')))
    expect(disk.log.filter((op) => op.op === 'write').length).toBe(writes)
    // Undoing works (its fsync fails once more): still refused, still nothing written.
    await refusal(log.enqueue(statement('still-failed')))
    expect(disk.log.filter((op) => op.op === 'write').length).toBe(writes)
    expect(viewOf(log)).toEqual(before)
    // Now the disk is well: the undo is made durable, and the change goes through.
    await log.enqueue(statement('c'))
    expect(log.storageError).toBeNull()
    disk.crash('drop')
    const reopened = await openTestLog(dir)
    expect(reopened.queued().map((op) => op.id)).toEqual(['a', 'b', 'c'])
    await reopened.close()
  })

  it('tries the undo again on close, so a refused record is not found by the next open', async () => {
    const { disk, files, log, before } = await setUp()
    files.inject({ op: 'sync', code: 'EIO', persisted: true })
    files.inject({ op: 'truncate', code: 'EIO' })
    await refusal(log.enqueue(statement('refused', 'r', 300)))
    expect(log.storageError).not.toBeNull()
    await log.close()
    disk.crash('drop')
    const reopened = await openTestLog(dir)
    expect(viewOf(reopened)).toEqual(before)
    await reopened.close()
  })

  it('refuses the first enqueue of a profile when its new file cannot be made, and leaves no log', async () => {
    const files = new FaultyFileLayer()
    const log = await openTestLog(dir, { files })
    files.inject({ op: 'sync', code: 'ENOSPC', pathIncludes: '.tmp' })
    await refusal(log.enqueue(statement('a')))
    expect(folderFiles(dir)).toEqual([])
    await log.enqueue(statement('b'))
    await log.close()
    const reopened = await openTestLog(dir)
    expect(reopened.queued().map((op) => op.id)).toEqual(['b'])
    await reopened.close()
  })
})
