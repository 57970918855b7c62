/**
 * Opens (recovers) one profile's log in `<queueDir>/<profileId>/` without taking the folder lock:
 * the QueueStore takes the lock and calls this; tests that simulate power loss call it directly.
 */
import type { Clock } from '../../core/clock'
import { LifeguardError } from '../../core/errors'
import { nodeFileLayer, type FileLayer } from './file-layer'
import { FileQueueLog } from './file-queue-log'
import { PROFILE_ID, profileQueueDir } from './log-files'
import { recoverLog } from './log-recovery'
import { defaultCompactionPolicy, LogWriter, type CompactionPolicy } from './log-writer'

export interface QueueLogOptions {
  /** `<dataDir>/queue` (it must exist). */
  queueDir: string
  profileId: string
  maxQueueSize: number
  files?: FileLayer
  clock?: Pick<Clock, 'wallNow'>
  compaction?: Partial<CompactionPolicy>
  onClosed?: () => void
}

export function checkProfileId(profileId: string): void {
  if (typeof profileId !== 'string' || !PROFILE_ID.test(profileId))
    throw new LifeguardError('validation', `${JSON.stringify(profileId)} is not a profile id`)
}

export async function openQueueLog(options: QueueLogOptions): Promise<FileQueueLog> {
  checkProfileId(options.profileId)
  if (!Number.isSafeInteger(options.maxQueueSize) || options.maxQueueSize < 1)
    throw new LifeguardError('validation', 'maxQueueSize must be a whole number of at least 1')
  const files = options.files ?? nodeFileLayer
  const wallNow = options.clock?.wallNow ?? (() => Date.now())
  const dir = profileQueueDir(options.queueDir, options.profileId)
  let recovered
  try {
    recovered = await recoverLog({ files, dir, profileId: options.profileId, wallNow })
  } catch (error) {
    throw new LifeguardError(
      'storage',
      `The write queue of profile ${options.profileId} could not be opened: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  const writer = new LogWriter(
    {
      files,
      dir,
      profileId: options.profileId,
      wallNow,
      compaction: { ...defaultCompactionPolicy, ...options.compaction },
    },
    recovered,
  )
  return new FileQueueLog({
    profileId: options.profileId,
    state: recovered.state,
    damage: recovered.damage,
    writer,
    maxQueueSize: options.maxQueueSize,
    wallNow,
    ...(options.onClosed ? { onClosed: options.onClosed } : {}),
  })
}
