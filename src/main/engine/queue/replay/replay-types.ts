/**
 * The replayer's vocabulary: what it is given, what it tells, and the state it is in (an explicit
 * state machine over QueueState, see replayer.ts for the transitions).
 */
import type { EngineEventKind, EngineEventSeverity } from '../../../../shared/cockpit'
import type {
  QueueBlockedWhy,
  QueueOperationError,
  QueueState,
  QueueWait,
} from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import type { Clock } from '../../core/clock'
import type { Target } from '../../core/pg-errors'
import type { BackoffPolicy } from '../../health/backoff'
import type { DurableQueueLog } from '../queue-log-types'
import type { QueueSettings } from '../queue-settings'
import type { AcquireLease } from './batch-runner'

/** Whether health lets writes go to the database now (connected and the breaker closed). */
export type Usability = { usable: true } | { usable: false; reason: ErrorInfo }

export type QueueEventKind = Extract<
  EngineEventKind,
  'queue-enqueued' | 'queue-applied' | 'queue-failed' | 'queue-moved-aside' | 'queue-blocked'
>

/** One entry for the profile's Events tab (ProfileSession.recordEvent takes these fields). */
export interface QueueEvent {
  kind: QueueEventKind
  severity: EngineEventSeverity
  /** Built by Lifeguard; server text inside it is data. Never a password. */
  message: string
  data: Record<string, string | number | boolean | null>
}

export interface BlockedOperation {
  seq: number
  id: string
  error: QueueOperationError
  why: QueueBlockedWhy
}

export interface ReplayerDeps {
  log: DurableQueueLog
  clock: Clock
  random: () => number
  backoff: BackoffPolicy
  /** Read on every step: maxAttempts, maxAgeMs, batchSize and exactlyOnce may change. */
  settings(): QueueSettings
  /** Where the profile connects (messages only; never a password). */
  target: Target
  acquire: AcquireLease
  usable(): Usability
  /** Direct writes (WriteQueue.submit) still running: replay waits for them. */
  directWritesInFlight(): number
  /** 'state': state, wait or blocked changed (push now); 'counters': depth or counts moved. */
  onChange(what: 'state' | 'counters'): void
  onEvent(event: QueueEvent): void
  /** Operations that left the queue applied (for the replay rate). */
  onApplied(count: number): void
}

export interface ReplayerView {
  state: QueueState
  wait: QueueWait | null
  blocked: BlockedOperation | null
  /** Seqs of the batch being applied right now. */
  replaying: ReadonlySet<number>
  storageError: ErrorInfo | null
}
