/** Domain shapes shared by main and renderer. No node:*, no DOM. */
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
  /** A password was entered this run and is held in main's memory (never persisted, never sent back). */
  hasSessionPassword: boolean
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
  /** 99th percentile of the time callers waited for a connection, in ms (0 when none waited). */
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
  waitP99Ms: 0,
})

export interface ProfileStatus {
  profileId: string
  state: ConnectionState
  pool: PoolStats | null
  serverVersion: string | null
  error: ErrorInfo | null
  /** Wall-clock ms of the last state change. */
  since: number
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
}

export interface MonitorSnapshot {
  profiles: ProfileSummary[]
  statuses: ProfileStatus[]
}
