/**
 * The durable queue store of one data directory (QueueStore): takes the folder lock in
 * `<dataDir>/queue/` (dir-lock.ts), then opens and recovers each profile's log on request.
 *
 *   const store = await openQueueStore({ dataDir })
 *   const log = await store.open(profileId, { maxQueueSize: 1000 })
 *   ...
 *   await store.close()   // closes every log, releases the lock
 */
import fsp from 'node:fs/promises'
import path from 'node:path'
import { systemClock, type Clock } from '../../core/clock'
import { LifeguardError } from '../../core/errors'
import type { QueueStore } from '../queue-log-types'
import { acquireDirLock, type DirLock, type DirLockOptions } from './dir-lock'
import { nodeFileLayer, type FileLayer } from './file-layer'
import type { FileQueueLog } from './file-queue-log'
import type { CompactionPolicy } from './log-writer'
import { checkProfileId, openQueueLog } from './open-queue-log'

export interface QueueStoreOptions {
  dataDir: string
  clock?: Pick<Clock, 'wallNow'>
  files?: FileLayer
  compaction?: Partial<CompactionPolicy>
  lock?: Omit<DirLockOptions, 'clock'>
}

type StoreState = 'open' | 'closing' | 'closed'

export class FileQueueStore implements QueueStore {
  private readonly logs = new Map<string, FileQueueLog>()
  private readonly opening = new Set<string>()
  private state: StoreState = 'open'

  constructor(
    readonly queueDir: string,
    private readonly lock: DirLock,
    private readonly options: QueueStoreOptions,
  ) {}

  async open(profileId: string, options: { maxQueueSize: number }): Promise<FileQueueLog> {
    if (this.state !== 'open')
      throw new LifeguardError('invalid-state', 'the write queue store is closed')
    checkProfileId(profileId)
    if (this.logs.has(profileId) || this.opening.has(profileId))
      throw new LifeguardError(
        'conflict',
        `the write queue of profile ${profileId} is already open`,
      )
    this.opening.add(profileId)
    try {
      const log = await openQueueLog({
        queueDir: this.queueDir,
        profileId,
        maxQueueSize: options.maxQueueSize,
        files: this.options.files ?? nodeFileLayer,
        clock: this.options.clock ?? systemClock,
        ...(this.options.compaction ? { compaction: this.options.compaction } : {}),
        onClosed: () => {
          if (this.logs.get(profileId) === log) this.logs.delete(profileId)
        },
      })
      this.logs.set(profileId, log)
      return log
    } finally {
      this.opening.delete(profileId)
    }
  }

  /** Tries the folder lock took (more than 1: a contender was seen and waited out). */
  get lockTries(): number {
    return this.lock.tries
  }

  /** The log of a profile opened earlier, if it is still open. */
  get(profileId: string): FileQueueLog | undefined {
    return this.logs.get(profileId)
  }

  async close(): Promise<void> {
    if (this.state !== 'open') return
    this.state = 'closing'
    try {
      await Promise.allSettled([...this.logs.values()].map((log) => log.close()))
    } finally {
      await this.lock.release()
      this.state = 'closed'
    }
  }
}

/** Creates `<dataDir>/queue` if needed (durably) and takes its lock. */
export async function openQueueStore(options: QueueStoreOptions): Promise<FileQueueStore> {
  const files = options.files ?? nodeFileLayer
  const clock = options.clock ?? systemClock
  const queueDir = path.join(options.dataDir, 'queue')
  try {
    await fsp.mkdir(options.dataDir, { recursive: true, mode: 0o700 })
    if (await files.mkdir(queueDir)) await files.syncDir(options.dataDir)
  } catch (error) {
    throw new LifeguardError(
      'storage',
      `The write-queue folder ${queueDir} could not be created: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  let lock: DirLock
  try {
    lock = await acquireDirLock(queueDir, { ...options.lock, clock })
  } catch (error) {
    if (error instanceof LifeguardError) throw error
    throw new LifeguardError(
      'storage',
      `The write-queue folder ${queueDir} could not be locked: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  return new FileQueueStore(queueDir, lock, options)
}
