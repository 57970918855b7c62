/** What a WriteQueue is given (the monitor's wiring) and what producers enqueue. */
import type { QueueOperationKind, QueueParam, QueueStatus } from '../../../shared/queue'
import type { Clock } from '../core/clock'
import type { Target } from '../core/pg-errors'
import type { BackoffPolicy } from '../health/backoff'
import type { QueueFillingDetail } from './queue-filling'
import type { DurableQueueLog } from './queue-log-types'
import type { QueueSettings } from './queue-settings'
import type { AcquireLease } from './replay/batch-runner'
import type { QueueEvent, Usability } from './replay/replay-types'

export interface WriteQueueDeps {
  profileId: string
  /** The profile's durable log (QueueStore.open, with the same maxQueueSize). */
  log: DurableQueueLog
  /** Through the circuit breaker: `() => session.acquire({ holder: 'write-queue' })`. */
  acquire: AcquireLease
  /** From health: `() => usabilityOf(session.status())`; call healthChanged() on every status. */
  usable(): Usability
  clock: Clock
  random?: () => number
  /** Default: the reconnect backoff of the health defaults (1, 2, 4 ... 60 s, +-20 %). */
  backoff?: BackoffPolicy
  settings?: Partial<QueueSettings>
  /** Where the profile connects, for messages (no password). */
  target: Target
  /** Shown in export file names (default: the profile id). */
  profileLabel?: string
  /** queue:changed. */
  onStatus?(status: QueueStatus): void
  /** The Events tab: session.recordEvent(event.kind, event.severity, event.message, event.data). */
  onEvent?(event: QueueEvent): void
  /** The 'queue-filling' alert: session.setProfileAlert('queue-filling', detail). */
  onFilling?(detail: QueueFillingDetail | null): void
  /** exactlyOnce changed (persist the consent with the profile's settings). */
  onSettingsChanged?(settings: QueueSettings): void
}

export interface EnqueueInput {
  /** Default: a random UUID. History snapshots pass a deterministic one. */
  id?: string
  kind?: QueueOperationKind
  sql: string
  params?: QueueParam[]
}
