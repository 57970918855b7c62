/**
 * Opening a profile's log folder after a clean shutdown, a crash or a power loss:
 *
 * 1. Temp files are removed (a generation is part of the state only once renamed).
 * 2. The highest generation is the log; it is scanned (log-scan.ts).
 * 3. A torn tail is cut off (truncate + fsync) before anything is appended after it.
 * 4. Damage: the file is left exactly as it is, a copy is kept aside
 *    (`<name>.damaged-<time>`, or an identical earlier copy is reused), older generations are
 *    kept too, and the damage is reported with counts. The state is the valid prefix.
 * 5. Otherwise older generations (left by a compaction that was interrupted after its rename)
 *    are removed.
 */
import path from 'node:path'
import type { QueueDamage } from '../../../../shared/queue'
import type { FileLayer } from './file-layer'
import { damagedCopyName, logFileName, parseLogFileName } from './log-files'
import { emptyState, type LogState } from './log-state'
import { scanLog } from './log-scan'

export interface RecoveredLog {
  state: LogState
  /** The log file's generation, or null when the folder holds no log yet. */
  generation: number | null
  /** Valid bytes of the log file (appends go here). */
  size: number
  nextGeneration: number
  damage: QueueDamage | null
  /** Bytes of the other files kept in the folder (damaged copies, generations kept for the user). */
  otherBytes: number
}

export interface RecoveryContext {
  files: FileLayer
  dir: string
  profileId: string
  wallNow: () => number
}

async function keepDamagedCopy(
  ctx: RecoveryContext,
  name: string,
  content: Buffer,
  names: string[],
): Promise<string> {
  for (const other of names) {
    if (!other.startsWith(`${name}.damaged-`)) continue
    const existing = await ctx.files.readFile(path.join(ctx.dir, other)).catch(() => null)
    if (existing?.equals(content)) return other
  }
  const copyName = damagedCopyName(name, ctx.wallNow())
  const copy = await ctx.files.open(path.join(ctx.dir, copyName), 'create')
  try {
    await copy.write([content], 0)
    await copy.sync()
  } finally {
    await copy.close()
  }
  await ctx.files.syncDir(ctx.dir)
  return copyName
}

export async function recoverLog(ctx: RecoveryContext): Promise<RecoveredLog> {
  const { files, dir } = ctx
  const names = await files.list(dir)
  let highest = 0
  const generations: number[] = []
  for (const name of names) {
    const parsed = parseLogFileName(name)
    if (!parsed) continue
    highest = Math.max(highest, parsed.generation)
    if (parsed.kind === 'temp') await files.unlink(path.join(dir, name))
    if (parsed.kind === 'log') generations.push(parsed.generation)
  }
  generations.sort((a, b) => b - a)
  const newest = generations[0]
  if (newest === undefined) {
    return {
      state: emptyState(),
      generation: null,
      size: 0,
      nextGeneration: highest + 1,
      damage: null,
      otherBytes: await sizeOfOthers(files, dir, null),
    }
  }
  const name = logFileName(newest)
  const filePath = path.join(dir, name)
  const content = await files.readFile(filePath)
  const scan = scanLog(content, { generation: newest, profileId: ctx.profileId })
  let damage: QueueDamage | null = null
  if (scan.damage) {
    let keptAs = name
    let copyNote: string
    try {
      keptAs = await keepDamagedCopy(ctx, name, content, names)
      copyNote = `A copy of the file is kept as ${keptAs}.`
    } catch (error) {
      copyNote = `A copy could not be written (${String(error)}); the file itself is left unchanged.`
    }
    const s = scan.state
    damage = {
      recordsAffected: scan.damage.recordsAffected,
      recordsBefore: scan.validRecords,
      keptAs,
      message:
        `The write queue of profile ${ctx.profileId} is damaged: in ${name}, ${scan.damage.reason}. ` +
        `${scan.damage.recordsAffected} record(s) from line ${scan.damage.line} to the end cannot be ` +
        `used and nothing after the damage will be replayed; the ${scan.validRecords} record(s) ` +
        `before it are intact (${s.queued.size} operation(s) queued, ${s.aside.size} set aside). ` +
        `Replay of this profile is stopped until you decide. ${copyNote}`,
    }
  } else {
    if (scan.validLength < content.length) {
      const file = await files.open(filePath, 'read-write')
      try {
        await file.truncate(scan.validLength)
        await file.sync()
      } finally {
        await file.close()
      }
    }
    let removed = false
    for (const older of generations.slice(1)) {
      await files.unlink(path.join(dir, logFileName(older)))
      removed = true
    }
    if (removed) await files.syncDir(dir)
  }
  return {
    state: scan.state,
    generation: newest,
    size: scan.damage ? content.length : scan.validLength,
    nextGeneration: highest + 1,
    damage,
    otherBytes: await sizeOfOthers(files, dir, name),
  }
}

async function sizeOfOthers(files: FileLayer, dir: string, except: string | null): Promise<number> {
  let total = 0
  for (const name of await files.list(dir)) {
    if (name === except) continue
    total += (await files.stat(path.join(dir, name)))?.size ?? 0
  }
  return total
}
