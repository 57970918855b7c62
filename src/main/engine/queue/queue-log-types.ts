/**
 * The seam between the write queue's durable storage (queue/storage/) and its replay
 * (queue/replay/). Storage knows files, records, fsync, checksums and recovery; replay knows
 * PostgreSQL, health and the user's decisions. Neither imports the other's internals.
 *
 * Promise of every mutating method: when its promise resolves, the change is on stable storage
 * (its record fsynced, and the directory fsynced when a file was created or renamed). When it
 * rejects, the caller must treat the change as not made (and the log's in-memory view agrees:
 * nothing is acknowledged before its fsync, and a failed fsync is never retried-then-acknowledged).
 */
import type {
  AsideReason,
  QueueDamage,
  QueueOperationError,
  QueueOperationKind,
  QueueParam,
} from '../../../shared/queue'
import type { ErrorInfo } from '../../../shared/result'

/** What is written: one statement and its bound parameters. */
export interface OperationPayload {
  sql: string
  params: QueueParam[]
}

export interface NewOperation {
  /** Unique per profile (a UUID for a statement; deterministic for a history snapshot). */
  id: string
  kind: QueueOperationKind
  payload: OperationPayload
  /** Wall-clock ms (display and maxAge; ordering is by seq). */
  enqueuedAt: number
}

export interface QueuedOperation extends NewOperation {
  /** Assigned by the log: strictly increasing per profile, never reused. */
  seq: number
  /** sha256 (hex) of the canonical JSON of { kind, payload }. */
  payloadHash: string
  /** Attempts made so far (replay). */
  attempts: number
  lastError: QueueOperationError | null
}

export interface AsideOperation extends QueuedOperation {
  reason: AsideReason
  /** Wall-clock ms. */
  asideAt: number
}

/** Counters since the log was created (kept across restarts, in the log itself). */
export interface QueueLogStats {
  depth: number
  /** Operations acknowledged by enqueue (a requeue is not a new one). */
  enqueued: number
  applied: number
  failedAttempts: number
  /**
   * Operations set aside now (a requeue takes one back), so that
   * applied + movedAside + depth = enqueued always holds.
   */
  movedAside: number
  bytesOnDisk: number
}

export interface DurableQueueLog {
  readonly profileId: string
  /**
   * Damage found at open (a record before the last valid one failed its checksum, a bad length,
   * an unknown version): replay must not run for this profile until the user has looked. A torn
   * last record is not damage: it was never acknowledged and is dropped silently. While set,
   * head() / queued() / aside() show the valid records before the damage and every change is
   * refused with 'storage'.
   */
  readonly damage: QueueDamage | null
  /**
   * The user decided on the damage: the valid records before it become the queue (the damaged
   * file's copy stays aside) and changes are taken again; `damage` is null afterwards.
   * (Optional: the durable log has it; a test double need not.)
   */
  discardDamage?(): Promise<void>
  /**
   * Set while a failed write could not be undone (the disk refused the write or fsync, then the
   * truncate that undoes it): every change is refused until a later one manages the undo first.
   * (Optional: the durable log has it; a test double need not.)
   */
  readonly storageError?: ErrorInfo | null

  /**
   * Appends one operation; resolves (with its seq and hash) only after its record is on stable
   * storage. Group commit: concurrent enqueues may share one fsync. Rejects with
   * LifeguardError 'queue-full' when depth would exceed maxQueueSize (nothing written), and with
   * 'storage' (cause: the fs error, e.g. ENOSPC / EIO) when the write or fsync failed.
   * Rejects with 'conflict' when an operation with this id is already queued or aside.
   */
  enqueue(operation: NewOperation): Promise<QueuedOperation>
  /** The oldest queued operation (replay's next), or undefined. */
  head(): QueuedOperation | undefined
  /** Queued operations, oldest first (a copy). */
  queued(): QueuedOperation[]
  /** Moved-aside operations, newest first (a copy). */
  aside(): AsideOperation[]
  /** Records a failed attempt of the head operation (attempts + 1, lastError). */
  recordAttempt(seq: number, error: QueueOperationError): Promise<void>
  /**
   * The operation took effect on the server: it leaves the queue. Resolves once its record is
   * fsynced, like every change; calls made together (a committed batch: Promise.all) share one
   * fsync. A crash before that leaves the operation queued: with the exactly-once table the next
   * replay finds its id and does not run it again; without it, it runs again (at-least-once).
   */
  markApplied(seq: number): Promise<void>
  /** Moves a queued operation aside with its reason (and the error, if one). */
  moveAside(seq: number, reason: AsideReason, error: QueueOperationError | null): Promise<void>
  /** Puts an aside operation back at the end of the queue (a new seq; attempts reset). */
  requeue(id: string): Promise<QueuedOperation>
  /** Replaces the payload of a queued operation (the user edited it; a new hash, attempts reset). */
  replace(seq: number, payload: OperationPayload): Promise<QueuedOperation>
  stats(): QueueLogStats
  /** Flushes and closes the files and releases nothing else (the directory lock is the store's). */
  close(): Promise<void>
}

/** Opens (and recovers) the log of each profile under one data directory, holding its lock. */
export interface QueueStore {
  open(profileId: string, options: { maxQueueSize: number }): Promise<DurableQueueLog>
  /** Closes every open log and releases the directory lock. */
  close(): Promise<void>
}
