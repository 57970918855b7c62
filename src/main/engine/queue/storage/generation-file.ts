/**
 * Writing a new generation of a profile's log: the base record and one snapshot record per live
 * operation (queued in seq order, then aside in the order they were set aside), written to
 * `log-<g>.jsonl.tmp`, fsynced, closed, renamed to `log-<g>.jsonl`, and the folder fsynced. Only
 * then is the new file opened for appending. This is how a log file is first created and how it is
 * compacted, so every log file starts with a complete, fsynced snapshot.
 *
 * A failure before the rename leaves the old generation as it was (the temp file is removed, or
 * removed by the next recovery). After the rename, the new name may or may not be durable until
 * the folder's fsync returns: a failure there is reported as `renamed: true` and the caller must
 * stop acknowledging anything (either file may be the one found after a crash).
 */
import path from 'node:path'
import type { AsideOperation, QueuedOperation } from '../queue-log-types'
import type { FileLayer, LayerFile } from './file-layer'
import { logFileName, tempFileName } from './log-files'
import type { LogState } from './log-state'
import { encodeRecord } from './record-format'
import type { RecordBody } from './record-schemas'

/** The lines of a generation file holding `state` (base first). */
export function encodeGeneration(
  state: LogState,
  generation: number,
  profileId: string,
  createdAt: number,
): Buffer[] {
  const n = state.nextN - 1
  const live: Array<{ op: QueuedOperation; aside: AsideOperation | null }> = [
    ...[...state.queued.values()].map((op) => ({ op, aside: null })),
    ...[...state.aside.values()].map((op) => ({ op, aside: op })),
  ]
  const lines = [
    encodeRecord(n, {
      t: 'base',
      d: { profileId, generation, live: live.length, counters: { ...state.counters }, createdAt },
    }),
  ]
  live.forEach(({ op, aside }, index) => {
    const body: RecordBody = {
      t: 'snapshot',
      d: {
        i: index + 1,
        seq: op.seq,
        id: op.id,
        kind: op.kind,
        payload: op.payload,
        payloadHash: op.payloadHash,
        enqueuedAt: op.enqueuedAt,
        attempts: op.attempts,
        lastError: op.lastError,
        aside: aside ? { reason: aside.reason, at: aside.asideAt } : null,
      },
    }
    lines.push(encodeRecord(n, body))
  })
  return lines
}

export class GenerationWriteError extends Error {
  constructor(
    readonly step: 'write' | 'rename' | 'sync-dir' | 'reopen',
    /** True when the new name may already be durable. */
    readonly renamed: boolean,
    cause: unknown,
  ) {
    super(`writing a new log generation failed at ${step}`, { cause })
    this.name = 'GenerationWriteError'
  }
}

export interface WrittenGeneration {
  file: LayerFile
  size: number
}

export async function writeGeneration(
  files: FileLayer,
  dir: string,
  generation: number,
  lines: Buffer[],
): Promise<WrittenGeneration> {
  const temp = path.join(dir, tempFileName(generation))
  const final = path.join(dir, logFileName(generation))
  const size = lines.reduce((sum, b) => sum + b.length, 0)
  let handle: LayerFile | undefined
  let step: 'write' | 'rename' = 'write'
  try {
    handle = await files.open(temp, 'create')
    await handle.write(lines, 0)
    await handle.sync()
    await handle.close()
    handle = undefined
    step = 'rename'
    await files.rename(temp, final)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await files.unlink(temp).catch(() => undefined)
    throw new GenerationWriteError(step, false, error)
  }
  try {
    await files.syncDir(dir)
  } catch (error) {
    throw new GenerationWriteError('sync-dir', true, error)
  }
  try {
    return { file: await files.open(final, 'read-write'), size }
  } catch (error) {
    throw new GenerationWriteError('reopen', true, error)
  }
}
