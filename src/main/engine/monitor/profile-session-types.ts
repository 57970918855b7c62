/** The vocabulary of a profile session (profile-session.ts): what it is given and what it lends. */
import type { AttemptRecord, PoolStats, ProfileStatus } from '../../../shared/domain'
import type { AlertChanges, SessionAlert, SessionSnapshot } from '../../../shared/sessions'
import type { Clock } from '../core/clock'
import type { RecordEvent } from '../events/profile-event-recorder'
import type { HealthSettings } from '../health/health-settings'
import type { AcquireOptions, PoolEvents, PoolLease, PoolMetricsSnapshot } from '../pool/engine'
import type { PoolHistogramBuckets } from '../pool/engine/pool-metrics'
import type { SharedSampling } from '../sessions/shared-sampling'
import type { ProfileDrivers } from './profile-drivers'

/** Pool events after which the counts may have changed. */
export const statsEvents: ReadonlyArray<keyof PoolEvents> = [
  'created',
  'removed',
  'acquired',
  'released',
  'timeout',
  'state-changed',
]

export interface ProfileSessionDeps {
  clock: Clock
  random?: () => number
  health: HealthSettings
  onStatus(status: ProfileStatus): void
  onStats(stats: PoolStats, at: number): void
  onAttempt(record: AttemptRecord): void
  /** Each sample of the server's sessions (issue 6). */
  onSessions?(snapshot: SessionSnapshot): void
  /** The alert list changed (raised, resolved, severity): the whole merged list. */
  onAlerts?(alerts: SessionAlert[], changes: AlertChanges): void
  /** Sample the server's sessions while connected (default true; health tests turn it off). */
  observeSessions?: boolean
  /** The profile's engine events (issue 8, the Events tab). */
  onEvent?: RecordEvent
  /** The database side (default: node-postgres); tests pass stub connections. */
  drivers?: ProfileDrivers
  /**
   * One session sampler per server and role, shared with the other profiles on it
   * (sessions/shared-sampling.ts); absent: this profile samples on its own.
   */
  sessionSampling?: SharedSampling
}

export interface PoolMetricsWithBuckets {
  snapshot: PoolMetricsSnapshot
  buckets: PoolHistogramBuckets
}

export interface PoolSizing {
  max: number
  min: number
  acquireTimeoutMs: number
  partitions: Readonly<Record<string, number>>
  /** The pool's leak threshold (default the pool's, 30 s). */
  leakDetectionMs?: number
}

/** What profile operations (workload, queued writes, session sampling) acquire through. */
export interface Acquirer {
  acquire(options?: AcquireOptions): Promise<PoolLease>
}
