/**
 * The status of a profile whose write queue is not open: nothing was ever queued for it (every
 * profile with a queue folder is opened at start), so it is empty and idle, with its settings;
 * or write queues are off in this run (another Lifeguard holds the data directory), which is
 * shown as 'storage-failed' with the reason.
 */
import type { QueueStatus } from '../../../shared/queue'
import type { ErrorInfo } from '../../../shared/result'
import type { QueueSettings } from '../queue'

export function placeholderStatus(
  profileId: string,
  settings: Pick<QueueSettings, 'maxQueueSize' | 'exactlyOnce'>,
  unavailable: ErrorInfo | null,
): QueueStatus {
  return {
    profileId,
    state: unavailable ? 'storage-failed' : 'idle',
    depth: 0,
    maxQueueSize: settings.maxQueueSize,
    oldestAgeMs: null,
    enqueued: 0,
    applied: 0,
    failedAttempts: 0,
    movedAside: 0,
    replayRatePerSecond: 0,
    bytesOnDisk: 0,
    exactlyOnce: settings.exactlyOnce,
    blocked: null,
    wait: null,
    damage: null,
    storageError: unavailable,
  }
}
