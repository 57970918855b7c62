/**
 * The durable write queue's shapes as they cross the contract (issue 5). Written by the engine
 * (src/main/engine/queue), shown by the renderer's Queue tab. Plain JSON data.
 */
import type { ErrorInfo } from './result'

/** A bound parameter of a queued statement. */
export type QueueParam = string | number | boolean | null

export const queueOperationKinds = ['statement', 'history-snapshot'] as const
export type QueueOperationKind = (typeof queueOperationKinds)[number]

/** Why an operation was moved aside (kept, listed, retryable and exportable; never deleted). */
export const asideReasons = ['permanent-error', 'skipped', 'expired', 'attempts-exhausted'] as const
export type AsideReason = (typeof asideReasons)[number]

export interface QueueOperationError {
  /** Lifeguard's code ('query-failed', 'connection-reset', ...). */
  code: string
  /** The server's SQLSTATE, when the server answered. */
  sqlstate: string | null
  /** Built by Lifeguard from the server's message; data, shown as text. */
  message: string
  errorClass: 'transient' | 'permanent'
  /** Wall-clock ms. */
  at: number
}

export interface QueueOperationView {
  id: string
  seq: number
  kind: QueueOperationKind
  /** The statement text (for a history snapshot: a one-line description). */
  sql: string
  paramCount: number
  /** A statement's bound parameters (for Edit); absent for a history snapshot (figures only). */
  params?: QueueParam[]
  /** sha256 of the canonical payload (hex), used by the exactly-once table. */
  payloadHash: string
  /** Wall-clock ms when it was acknowledged. */
  enqueuedAt: number
  attempts: number
  lastError: QueueOperationError | null
  state: 'queued' | 'replaying' | 'blocked' | 'aside'
  /** Set when state is 'aside'. */
  asideReason: AsideReason | null
  asideAt: number | null
}

export type QueueState =
  /** Nothing to replay. */
  | 'idle'
  /** Replaying now. */
  | 'replaying'
  /** Operations wait for the database to be usable again. */
  | 'waiting-for-database'
  /** A permanent error stopped replay: the user decides (retry, skip or edit). */
  | 'blocked'
  /** Recovery found damage before the last valid record: replay is stopped for this profile. */
  | 'damaged'
  /** The queue's storage failed (ENOSPC, EIO): new operations are refused. */
  | 'storage-failed'

export interface QueueDamage {
  /** Records that could not be read (from the first damaged one to the end). */
  recordsAffected: number
  /** Valid records before the damage (replayable once the user has looked). */
  recordsBefore: number
  /** Where the damaged file's copy was kept (a file name in the queue's folder). */
  keptAs: string
  message: string
}

export interface QueueStatus {
  profileId: string
  state: QueueState
  /** Operations still queued (replaying and blocked included). */
  depth: number
  maxQueueSize: number
  /** Age of the oldest queued operation, ms (null when empty). */
  oldestAgeMs: number | null
  enqueued: number
  applied: number
  failedAttempts: number
  movedAside: number
  /** Applied per second over the last 10 s. */
  replayRatePerSecond: number
  bytesOnDisk: number
  /** The profile allowed the exactly-once table (lifeguard.applied_operations). */
  exactlyOnce: boolean
  /** The blocked operation and its error, when state is 'blocked'. */
  blocked: {
    operationId: string
    error: QueueOperationError
    /**
     * Why replay stopped at it: a permanent error, maxAttempts transient failures in a row (replay
     * also tries it again by itself at the next healthy period), or the exactly-once table could
     * not be created or used.
     */
    why?: QueueBlockedWhy
  } | null
  /** Why operations wait, when state is 'waiting-for-database'. */
  wait?: QueueWait | null
  damage: QueueDamage | null
  storageError: ErrorInfo | null
}

export type QueueBlockedWhy = 'permanent-error' | 'attempts-exhausted' | 'exactly-once-table'

/** Why a queue with operations does not replay right now (state 'waiting-for-database'). */
export interface QueueWait {
  /**
   * 'unavailable': health says the database cannot take writes (not connected, breaker open);
   * 'read-only': it answers but is read-only (a standby in recovery, or read-only transactions);
   * 'retry-backoff': a transient error, the next attempt is scheduled.
   */
  reason: 'unavailable' | 'read-only' | 'retry-backoff'
  /** Built by Lifeguard (server text inside it is data). */
  message: string
  /** Wall-clock ms of the next scheduled try, or null when replay waits for health. */
  retryAt: number | null
}

/** queue:get's answer. */
export interface QueueView {
  status: QueueStatus
  /** Oldest first, at most `limit` of them. */
  queued: QueueOperationView[]
  /** Newest first. */
  aside: QueueOperationView[]
}

/** queue:submit's answer. */
export type SubmitOutcome =
  | { outcome: 'applied'; rowCount: number | null }
  | { outcome: 'queued'; operationId: string; position: number }
  /** The profile cannot take the write now and the request did not ask to queue it: ask the user. */
  | { outcome: 'unavailable'; reason: ErrorInfo }

/** The history sink's state (issue 5, 5a). */
export interface HistorySinkStatus {
  profileId: string | null
  intervalMs: number
  /** The tables exist (created on consent in the sink's `lifeguard` schema). */
  tablesReady: boolean
  snapshotsTaken: number
  /** Wall-clock ms of the last snapshot taken, or null. */
  lastSnapshotAt: number | null
  lastError: ErrorInfo | null
}
