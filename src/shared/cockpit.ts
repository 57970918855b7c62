/**
 * The cockpit's shapes (issue 8): pool control (drain / resume / shutdown), the typed engine
 * events a profile's Events tab lists, the metrics history a profile view charts, the load lab,
 * and the app's preferences (notification mutes). Plain JSON data; no node:*, no DOM.
 */
import type { HealthLevel, PoolStats } from './domain'
import type { ErrorInfo } from './result'

// ---- pool control -------------------------------------------------------------------------------

/** The pool's lifecycle (engine/pool/engine/pool-state.ts), as the UI sees it. */
export const poolStates = [
  'starting',
  'running',
  'draining',
  'drained',
  'closing',
  'closed',
] as const
export type PoolStateName = (typeof poolStates)[number]

/** Draining or drained: the pool hands out no connections until it is resumed. */
export function poolPaused(state: PoolStateName | null | undefined): boolean {
  return state === 'draining' || state === 'drained'
}

/** What happens to connections still in use when a drain's deadline passes. */
export const drainDeadlineChoices = ['cancel', 'terminate', 'resume'] as const
export type DrainDeadlineChoiceName = (typeof drainDeadlineChoices)[number]

/** A drain in progress or just ended; carried by ProfileStatus.drain. */
export interface DrainProgress {
  /** 'draining' until the pool is empty; then 'drained' (or 'resumed' / 'closed' if that came first). */
  phase: 'draining' | 'drained' | 'resumed' | 'closed'
  /** Wall-clock ms. */
  startedAt: number
  /** Wall-clock ms of the deadline, or null without one. */
  deadlineAt: number | null
  onDeadline: DrainDeadlineChoiceName
  /** Connections in use when the drain started (the progress bar's 100 %). */
  inUseAtStart: number
  /** Connections still in use now. */
  inUse: number
  /** The deadline passed and its choice was applied. */
  deadlinePassed: boolean
  /** Wall-clock ms when the phase left 'draining'; null while draining. */
  endedAt: number | null
}

/** pool:shutdown's answer: the status after it, and how many connections in use were ended. */
export interface ShutdownResult {
  /** Connections that were in use and were destroyed (their server backends terminated). */
  terminated: number
  /** Connections that were idle and were closed. */
  closed: number
}

// ---- engine events ----------------------------------------------------------------------------

/** Every typed event the engine records per profile (newest first in the Events tab). */
export const engineEventKinds = [
  'connection-created',
  'connection-removed',
  'create-failed',
  'acquire-timeout',
  'leak',
  'leak-resolved',
  'pool-state-changed',
  'drain-started',
  'drain-ended',
  'connection-state-changed',
  'health-level-changed',
  'attempt',
  'breaker-changed',
  'alert-raised',
  'alert-resolved',
  'queue-enqueued',
  'queue-applied',
  'queue-failed',
  'queue-moved-aside',
  'queue-blocked',
  'workload-changed',
] as const
export type EngineEventKind = (typeof engineEventKinds)[number]

export type EngineEventSeverity = 'info' | 'warning' | 'critical'

export interface EngineEvent {
  /** Increasing per profile (and unique across the app's run). */
  seq: number
  profileId: string
  /** Wall-clock ms. */
  at: number
  kind: EngineEventKind
  severity: EngineEventSeverity
  /** One sentence, built by Lifeguard (server text inside it is data, shown as text). */
  message: string
  /** A few figures of the event (connection id, pid, reason, waited ms ...). */
  data: Record<string, string | number | boolean | null>
}

/** events:list's answer: newest first. */
export interface EngineEventPage {
  profileId: string
  events: EngineEvent[]
  /** How many events the profile's ring holds in all (it keeps the newest, bounded). */
  total: number
}

/** events:recorded carries events in batches (main flushes a few times a second). */
export interface EngineEventBatch {
  events: EngineEvent[]
}

// ---- metrics history --------------------------------------------------------------------------

export const historyRanges = ['5m', '1h', '24h'] as const
export type HistoryRange = (typeof historyRanges)[number]

/**
 * One slot of a series: a second (ranges 5m and 1h) or a minute (24h). Gauges and counters keep
 * the last value of the slot; `waiting` and the wait percentiles keep the maximum; latency is the
 * mean of the slot's samples with their min and max; `level` is the worst level seen.
 */
export interface MetricsPoint {
  /** Wall-clock ms at the start of the slot. */
  at: number
  stats: PoolStats
  latencyMs: number | null
  latencyMinMs: number | null
  latencyMaxMs: number | null
  level: HealthLevel | null
  /** How many samples were folded into this slot. */
  samples: number
}

export interface MetricsSeries {
  profileId: string
  range: HistoryRange
  resolutionMs: number
  /** The window is (from, to]: wall ms. */
  from: number
  to: number
  /** Oldest first, strictly increasing `at`; slots with no sample are absent (gaps). */
  points: MetricsPoint[]
}

/** metrics:save (desktop): where the file went; `saved: false` when the user cancelled. */
export interface SavedFile {
  saved: boolean
  fileName: string
  bytes: number
}

// ---- load lab ---------------------------------------------------------------------------------

export const workloadQueries = ['select-1', 'sleep'] as const
export type WorkloadQuery = (typeof workloadQueries)[number]

/** A synthetic workload through a profile's pool (the load lab). */
export interface WorkloadSettings {
  enabled: boolean
  /** Virtual clients, each running one query at a time. */
  clients: number
  /** Target queries per second over all clients (each client paces itself to its share). */
  ratePerSecond: number
  query: WorkloadQuery
  /** With query 'sleep': pg_sleep of this many ms. */
  sleepMs: number
  /** Hold one connection without releasing it every N seconds (a planted leak), or null. */
  leakEverySeconds: number | null
  /** How long a planted leak is held before it is given back (so its alert resolves), ms. */
  leakHoldMs: number
}

export interface WorkloadStatus {
  profileId: string
  settings: WorkloadSettings
  running: boolean
  /** Since the workload was (re)started. */
  completed: number
  failed: number
  leaksPlanted: number
  /** Planted leaks held right now. */
  leaksHeld: number
  /** Completed queries per second over the last 10 s. */
  achievedRatePerSecond: number
  lastError: ErrorInfo | null
}

// ---- preferences ------------------------------------------------------------------------------

/** The app's own settings, kept by main (so both shells and every window agree). */
export interface AppPreferences {
  /** Profiles whose critical alerts raise no desktop notification (the badge still counts them). */
  mutedProfileIds: string[]
  /** Desktop notifications for critical alerts at all. */
  notificationsEnabled: boolean
  /** The history sink (issue 5): which profile stores every profile's metrics snapshots, or null. */
  historySink: HistorySinkSettings
}

export interface HistorySinkSettings {
  profileId: string | null
  /** How often a snapshot of every connected profile is written, ms (default 10 000). */
  intervalMs: number
}
