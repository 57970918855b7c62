/**
 * reliability D.19: a power loss at every step of a compaction (before and after each file
 * operation: the temp file's create, write, fsync, close, the rename, the folder fsync, the switch
 * to the new file, the old file's removal and its folder fsync, and the first append after it),
 * losing what was not fsynced or tearing it: the log found afterwards is always the one consistent
 * state (compaction changes no operation, so old and new are the same state), with exactly one
 * log file and no temp file, an acknowledged append after the compaction is never lost, and the
 * recovered log takes new records and reopens cleanly.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { FileQueueLog } from '../../../../src/main/engine/queue/storage/file-queue-log'
import { PowerLossFileLayer, type CrashMode } from '../../../helpers/power-loss-file-layer'
import {
  failure,
  folderFiles,
  openTestLog,
  prng,
  statement,
  viewOf,
} from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'

const { dir: root, cleanup } = tempDir()
afterAll(cleanup)
let run = 0

/** 30 enqueued, 20 applied, 3 set aside, 1 with attempts: a state worth compacting. */
async function prepare(layer: PowerLossFileLayer, dir: string): Promise<FileQueueLog> {
  const log = await openTestLog(dir, { files: layer, compaction: { minBytes: 1 << 30 } })
  const ops = []
  for (let i = 0; i < 30; i++) ops.push(await log.enqueue(statement(`op-${i}`, i, 100)))
  for (let i = 0; i < 20; i++) await log.markApplied(ops[i]!.seq)
  for (let i = 20; i < 23; i++) await log.moveAside(ops[i]!.seq, 'permanent-error', failure())
  await log.recordAttempt(ops[23]!.seq, failure('timeout'))
  return log
}

async function compactThenAppend(log: FileQueueLog): Promise<boolean> {
  let appended = false
  await log.compact().catch(() => undefined)
  await log.enqueue(statement('after', 'a')).then(
    () => (appended = true),
    () => undefined,
  )
  return appended
}

describe('a power loss during compaction', () => {
  it('leaves one consistent state at every step', async () => {
    // A run without a crash: the state, and how many file operations compaction + append take.
    const cleanDir = path.join(root, 'clean')
    fs.mkdirSync(cleanDir)
    const clean = PowerLossFileLayer.over(cleanDir, prng(1))
    const log = await prepare(clean, cleanDir)
    const expected = viewOf(log)
    const start = clean.operations
    expect(await compactThenAppend(log)).toBe(true)
    const steps = clean.log.slice(start).map((op) => `${op.op} ${path.basename(op.path)}`)
    expect(steps).toEqual(
      expect.arrayContaining(['write log-0000000002.jsonl.tmp', 'rename log-0000000002.jsonl.tmp']),
    )
    const withAfter = viewOf(log)
    await log.close()

    let checked = 0
    for (let step = 1; step <= steps.length; step++)
      for (const moment of ['before', 'after'] as const)
        for (const mode of ['drop', 'tear'] as CrashMode[]) {
          const what = `power loss ${moment} step ${step} (${steps[step - 1]}), ${mode}`
          const dir = path.join(root, `run-${run++}`)
          fs.mkdirSync(dir)
          const layer = PowerLossFileLayer.over(
            dir,
            prng(step * 4 + (moment === 'after' ? 2 : 0) + (mode === 'tear' ? 1 : 0)),
          )
          const crashing = await prepare(layer, dir)
          const at = layer.operations + step
          layer.crashWhen({ when: (op) => op.index === at, moment, mode })
          const acked = await compactThenAppend(crashing)
          expect(layer.crashed, what).toBe(true)
          const recovered = await openTestLog(dir)
          const found = viewOf(recovered)
          expect(recovered.damage, what).toBeNull()
          if (acked) expect(found, what).toEqual(withAfter)
          else expect([expected, withAfter], what).toContainEqual(found)
          const files = folderFiles(dir)
          expect(
            files.filter((n) => /^log-\d+\.jsonl$/.test(n)),
            what,
          ).toHaveLength(1)
          expect(
            files.filter((n) => n.endsWith('.tmp')),
            what,
          ).toEqual([])
          await recovered.enqueue(statement('next', 'n'))
          await recovered.close()
          const again = await openTestLog(dir)
          expect(again.queued().at(-1)?.id, what).toBe('next')
          await again.close()
          checked++
        }
    expect(checked).toBe(steps.length * 4)
  })
})
