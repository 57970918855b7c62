/** Domain shapes shared by main and renderer. No node:*, no DOM. */
import type { DrainProgress, PoolStateName } from './cockpit'
import type { QueueStatus } from './queue'
import type { ServerView } from './sessions'
import type { ErrorInfo } from './result'

/** libpq's sslmode values, with libpq's meanings. */
export const sslModes = [
  'disable',
  'allow',
  'prefer',
  'require',
  'verify-ca',
  'verify-full',
] as const
export type SslMode = (typeof sslModes)[number]

export type ProfileKind = 'user' | 'demo'

/** Colours a profile can carry on the dashboard (names, so themes can map them). */
export const profileColors = [
  'slate',
  'blue',
  'teal',
  'green',
  'amber',
  'orange',
  'red',
  'purple',
] as const
export type ProfileColor = (typeof profileColors)[number]

export interface HostPort {
  host: string
  port: number
}

/** Per-profile overrides of the defaults; absent = the default. */
export interface ProfileSettingsView {
  poolMax?: number
  poolMin?: number
  acquireTimeoutMs?: number
  probeIntervalMs?: number
  probeTimeoutMs?: number
  unavailableAfterMs?: number
  idleInTransactionAlertMs?: number
  longQueryWarningMs?: number
  longQueryCriticalMs?: number
}

/** Every per-profile setting as the engine applies it (the profile's own value or the default). */
export type EffectiveSettings = Required<ProfileSettingsView>

/** A saved profile as the renderer sees it: never a password. */
export interface ProfileSummary {
  id: string
  kind: ProfileKind
  name: string
  host: string
  port: number
  database: string
  user: string
  sslmode: SslMode
  group: string
  color: ProfileColor | null
  fallbackHosts: HostPort[]
  sslrootcert: string | null
  sslcert: string | null
  sslkey: string | null
  applicationName: string
  connectTimeoutS: number | null
  settings: ProfileSettingsView
  /** `settings` with every default filled in, as the next connect applies them (main computes it). */
  effectiveSettings?: EffectiveSettings
  /** Run to get the password when none was typed or stored ('' = none). */
  passwordCommand: string
  /** A password was entered this run and is held in main's memory (never persisted, never sent back). */
  hasSessionPassword: boolean
  /** A password is stored encrypted for this profile (never sent to the renderer). */
  passwordStored: boolean
  createdAt: string
}

/** Connection state machine of one profile (explicit, as architecture.md asks). */
export const connectionStates = [
  'disconnected',
  'connecting',
  'connected',
  'disconnecting',
  'failed',
] as const
export type ConnectionState = (typeof connectionStates)[number]

/** A pool's live gauges plus its counters since connect (PgBouncer/HikariCP vocabulary). */
export interface PoolStats {
  total: number
  active: number
  idle: number
  waiting: number
  max: number
  min: number
  /** Connections being opened right now. */
  pendingCreates: number
  acquires: number
  timeouts: number
  leaks: number
  /**
   * Percentiles of the time callers waited for a connection, ms, over the acquires of the last
   * 10 s (measured against a snapshot of the pool's wait buckets taken every 2 s, so the window is
   * 8 to 10 s long): they show what the pool does now, not an average since connect. 0 when no
   * acquire was made in the window (also right after connect). An acquire served at once waited 0.
   * The Prometheus export keeps the cumulative histogram since connect, as that format requires.
   */
  waitP50Ms: number
  waitP95Ms: number
  /** 99th percentile of the wait over the same window, ms (0 when no acquire in it). */
  waitP99Ms: number
}

/** The figures of a profile that has no pool: every number zero. */
export const emptyPoolStats: Readonly<PoolStats> = Object.freeze({
  total: 0,
  active: 0,
  idle: 0,
  waiting: 0,
  max: 0,
  min: 0,
  pendingCreates: 0,
  acquires: 0,
  timeouts: 0,
  leaks: 0,
  waitP50Ms: 0,
  waitP95Ms: 0,
  waitP99Ms: 0,
})

/** How well a connected database is doing (architecture.md: levels next to states). */
export const healthLevels = ['healthy', 'warning', 'critical'] as const
export type HealthLevel = (typeof healthLevels)[number]

/** The circuit breaker of a profile: open means operations fail fast with 'service-unavailable'. */
export const breakerStates = ['closed', 'open', 'half-open'] as const
export type BreakerState = (typeof breakerStates)[number]

/** Transient errors are retried with backoff; permanent ones wait for the user (or the cap). */
export type ErrorClass = 'transient' | 'permanent'

/** The health checker's view of one profile (engine/health). Times are wall-clock ms. */
export interface HealthView {
  level: HealthLevel
  /** Why the level is not healthy, one sentence each (empty when healthy). */
  reasons: string[]
  /** Round trip of the last successful probe, ms. */
  latencyMs: number | null
  /** Failed probes and attempts in a row. */
  consecutiveFailures: number
  /** Failed attempts counted by the backoff (reset after a healthy period or by the user). */
  backoffStep: number
  /** When the next reconnect attempt is due, or null if none is scheduled. */
  nextAttemptAt: number | null
  breaker: BreakerState
  /** Since when the database has been unreachable (null while it is reachable). */
  unreachableSince: number | null
  /** Class of the last error, when the state is connecting or failed because of one. */
  errorClass: ErrorClass | null
}

export interface ProfileStatus {
  profileId: string
  state: ConnectionState
  pool: PoolStats | null
  serverVersion: string | null
  error: ErrorInfo | null
  /** Wall-clock ms of the last state change. */
  since: number
  /** Null while disconnected. */
  health: HealthView | null
  /** The pool's own lifecycle state (null without a pool). */
  poolState: PoolStateName | null
  /** The current or last drain of this connection (null when none was asked for). */
  drain: DrainProgress | null
}

/** What started an attempt. */
export type AttemptTrigger = 'startup' | 'probe' | 'scheduled' | 'manual'

/** One entry of a profile's retry timeline: a connection attempt or a failed probe. */
export interface AttemptRecord {
  profileId: string
  /** 1-based within the current outage (or start-up); a failed probe is attempt 0. */
  attempt: number
  trigger: AttemptTrigger
  /** Wall-clock ms when it started. */
  at: number
  /** Delay the backoff asked for before this attempt (0 for the first or a manual one). */
  scheduledDelayMs: number
  /** Delay that really passed (timers fire late on a busy or paused machine). */
  actualDelayMs: number
  /** How long the attempt itself took. */
  durationMs: number
  outcome: 'success' | 'failure'
  errorClass: ErrorClass | null
  errorCode: string | null
  /** Masked: built from the classification and the target, never containing a password. */
  message: string | null
  /** Wall-clock ms of the next scheduled attempt, or null. */
  nextAttemptAt: number | null
}

export interface HealthTimeline {
  status: ProfileStatus
  /** Oldest first; bounded per profile. */
  attempts: AttemptRecord[]
}

export interface PoolStatsSample {
  profileId: string
  stats: PoolStats
  /** Wall-clock ms when sampled. */
  at: number
}

export interface ConnectionTestResult {
  serverVersion: string
  latencyMs: number
}

export interface AppWarning {
  id: string
  message: string
  detail?: string
}

export type Shell = 'desktop' | 'web'

export interface AppInfo {
  version: string
  shell: Shell
  dataDir: string
  nodeVersion: string
  warnings: AppWarning[]
  /** Whether passwords can be stored encrypted here, and why not when they cannot. */
  secretStorage: SecretStorageInfo
}

export interface SecretStorageInfo {
  available: boolean
  /** e.g. "gnome_libsecret", "macOS Keychain" when available. */
  backend: string | null
  /** Why passwords cannot be stored (shown next to "Remember password"). */
  reason: string | null
}

export interface MonitorSnapshot {
  profiles: ProfileSummary[]
  statuses: ProfileStatus[]
  /** Each profile's write-queue status (issue 5), so cards show the depth from the start. */
  queues?: QueueStatus[]
  /**
   * Each watched profile's alerts and latest server summary (issue 8), so a page that has just
   * loaded does not ask for every profile's full session list (200 x 600 sessions) to show them.
   */
  servers?: ServerView[]
}

/** A metrics export, ready to be saved (desktop) or downloaded (browser mode). */
export interface MetricsExport {
  fileName: string
  contentType: string
  content: string
}

/** A profiles export: JSON text without any password, ready to be saved as a file. */
export interface ProfilesExport {
  fileName: string
  json: string
  count: number
}

/** Where an import reads from (issue 7). */
export type ImportSourceKind = 'pgpass' | 'service-file' | 'pgadmin' | 'uri' | 'conninfo'

/** A profile an import would create, shown in its preview. Never carries a password. */
export interface ImportCandidate {
  /** Suggested profile name (service name, pgAdmin server name, or built from user@host/db). */
  name: string
  /** pgAdmin group, or empty. */
  group: string
  /** One or more hosts, as libpq allows (a socket directory starts with '/'). */
  hosts: string[]
  /** One port per host, or a single port for all. */
  ports: number[]
  database: string
  user: string
  sslmode: SslMode
  sslrootcert?: string
  sslcert?: string
  sslkey?: string
  applicationName?: string
  /** libpq connect_timeout, seconds. */
  connectTimeoutS?: number
  /** Where it came from: file path and line / section / key. */
  origin: { kind: ImportSourceKind; where: string }
  /** A password exists for it in the source (never the password itself). */
  passwordSource: 'none' | 'pgpass' | 'inline' | 'pgadmin-passfile'
}

export interface ImportProblem {
  severity: 'error' | 'warning'
  /** File and line (or key); never a secret or a raw line containing one. */
  where: string
  message: string
}

export type ImportRowStatus = 'new' | 'duplicate' | 'invalid'

export interface ImportPreviewRow {
  /** Pass these indexes to profiles:import-confirm. */
  index: number
  candidate: ImportCandidate
  status: ImportRowStatus
  /** Id of the saved profile this row duplicates. */
  duplicateOf?: string
  /** Index of the earlier row of this import that this row duplicates. */
  duplicateOfRow?: number
  reasons: string[]
}

/** Nothing is created until the preview is confirmed (profiles:import-confirm). */
export interface ImportPreviewView {
  previewId: string
  /** What was read, for the dialog's title: a file path or "pasted text". */
  source: string
  rows: ImportPreviewRow[]
  problems: ImportProblem[]
}
