/**
 * The server-side sessions view's data as it crosses the contract (issue 6): the sampler's snapshot
 * and the alert list. Written by the engine (src/main/engine/sessions), shown by the renderer.
 */
/**
 * What one sample of the server's sessions (pg_stat_activity) looks like once typed. Plain JSON
 * data (numbers, strings, arrays; no Date, no Map) so it can cross either transport unchanged.
 * Timestamps from the server are epoch milliseconds on the server's clock; ages are measured
 * against the server's time of the sample, so a skewed client clock changes nothing.
 * Every string that came from the server (names, query text) is data to be shown as text.
 */

/** The server's own words for a client backend's state; other values may appear on other versions. */
export const knownStates = [
  'active',
  'idle',
  'idle in transaction',
  'idle in transaction (aborted)',
  'fastpath function call',
  'disabled',
] as const

export type KnownSessionState = (typeof knownStates)[number]

/** What pg_stat_activity shows in place of another role's query for a role without pg_monitor. */
export const HIDDEN_QUERY_TEXT = '<insufficient privilege>'

/** The plain explanation a hidden query gets in the UI. */
export const QUERY_HIDDEN_REASON = 'query hidden: needs pg_monitor'

export interface ServerSession {
  pid: number
  /** The leader of a parallel query (PostgreSQL 13+; null before). */
  leaderPid: number | null
  database: string | null
  user: string | null
  application: string | null
  /** null for a Unix-socket connection (see clientPort -1), a background process or a hidden session. */
  clientAddress: string | null
  /** -1 for a Unix-socket connection. */
  clientPort: number | null
  /** 'client backend', 'autovacuum worker', ...; null when hidden. */
  backendType: string | null
  backendStart: number | null
  xactStart: number | null
  queryStart: number | null
  stateChange: number | null
  state: string | null
  waitEventType: string | null
  waitEvent: string | null
  /** PostgreSQL 14+ with compute_query_id; a bigint, hence text. */
  queryId: string | null
  /** The query text, verbatim; null when the server hides it (see queryHidden). */
  query: string | null
  /** The server hid this session's details from the sampling role (it lacks pg_monitor). */
  queryHidden: boolean
  /** Counts against max_connections: a client backend, or a hidden session attached to a database. */
  client: boolean
  /** Sessions holding the locks this one waits for (pg_blocking_pids; 0 = a prepared transaction). */
  blockedBy: number[]
  /** One of Lifeguard's own connections (pool backend pid, or application_name 'lifeguard...'). */
  own: boolean
  /** The connection that took this sample. */
  sampler: boolean
  /**
   * The pool connection Lifeguard's health probe ran on last, while the pool holds it idle: like
   * the sampler's, it is offered no Cancel / Terminate. Absent from older senders (= false).
   */
  probe?: boolean
  /** Ages at the time of the sample, ms (null when the timestamp is null). */
  xactAgeMs: number | null
  queryAgeMs: number | null
  stateAgeMs: number | null
}

/** Client sessions by state. `hidden` ones have no state the sampling role may see. */
export interface StateCounts {
  total: number
  active: number
  idle: number
  idleInTransaction: number
  idleInTransactionAborted: number
  /** fastpath function call, disabled, or a state this version does not know. */
  other: number
  hidden: number
}

export interface BreakdownEntry {
  /** The database, user, application or client address; null when unknown or hidden. */
  key: string | null
  total: number
  active: number
  idleInTransaction: number
}

export interface WaitEventCount {
  type: string
  event: string
  count: number
}

export interface BlockedSession {
  pid: number
  blockedBy: number[]
  /** 1 = waits directly on the root. */
  depth: number
}

/** One tree of lock waits: the root blocks everyone listed, directly or through others. */
export interface BlockingChain {
  rootPid: number
  blocked: BlockedSession[]
  /** The sessions wait on each other in a circle (a deadlock the server has not broken yet). */
  cycle: boolean
}

export interface SessionRef {
  pid: number
  ageMs: number
}

export interface ConnectionUsage {
  /** Client connections in use (including hidden ones, see includesHidden). */
  used: number
  /** max_connections - superuser_reserved_connections - reserved_connections. */
  available: number
  maxConnections: number
  superuserReserved: number
  /** reserved_connections (PostgreSQL 16+; 0 before). */
  reserved: number
  /** used / available (may pass 1: superusers may use the reserved slots). */
  ratio: number
  /** Some sessions were hidden: counted as client connections when they belong to a database. */
  includesHidden: boolean
}

export interface SessionSnapshot {
  /** When the sample was taken (wall clock of this machine, epoch ms; for display). */
  sampledAt: number
  /** The server's statement_timestamp() of the sample, epoch ms. */
  serverTime: number
  serverVersionNum: number
  /** How long the sampling query itself took, ms. */
  sampleMs: number
  /** How long getting a connection for it took, ms. */
  acquireMs: number
  samplerPid: number
  /** The sampling role sees every session's details (pg_read_all_stats, part of pg_monitor). */
  seesAllSessions: boolean
  /** Sessions whose details the server hid. */
  hiddenSessions: number
  sessions: ServerSession[]
  counts: StateCounts
  connections: ConnectionUsage
  byDatabase: BreakdownEntry[]
  byUser: BreakdownEntry[]
  byApplication: BreakdownEntry[]
  byClientAddress: BreakdownEntry[]
  /** What active sessions wait on. */
  waitEvents: WaitEventCount[]
  blocking: BlockingChain[]
  blockedCount: number
  /** The longest-running active query (the sampler's own excluded). */
  longestQuery: SessionRef | null
  /** The oldest open transaction (the sampler's own excluded). */
  oldestTransaction: SessionRef | null
}

// ---- alerts ----------------------------------------------------------------------------------

/**
 * A profile's session alerts as data: severity, first seen, last seen, resolved. Times shown to
 * people are wall-clock epoch ms of this machine; server timestamps are the server's epoch ms.
 * Text from the server (names, queries) sits in its own fields, verbatim; messages are built from
 * numbers and Lifeguard's own labels.
 */

export type AlertSeverity = 'warning' | 'critical'

export type AlertKind =
  | 'idle-in-transaction'
  | 'long-query'
  | 'blocked'
  | 'connections'
  | 'leak'
  /** The profile's circuit breaker is open (issue 8): operations fail fast. */
  | 'breaker-open'
  /** The profile's write queue is above 80 % of maxQueueSize (issue 5). */
  | 'queue-filling'

/** The server's view of the session an alert is about, as of the latest sample. */
export interface AlertSessionView {
  pid: number
  user: string | null
  database: string | null
  application: string | null
  state: string | null
  query: string | null
  queryHidden: boolean
  backendStart: number | null
  xactStart: number | null
  queryStart: number | null
  stateChange: number | null
  own: boolean
}

/** The holder's side of a pool leak (the pool's `leak` event). */
export interface LeakView {
  connectionId: number
  backendPid: number | null
  /** The holder's label; null when the caller gave none. */
  holder: string | null
  /** Where the connection was acquired (the caller's stack frames). */
  site: string
  /** How long it has been held, as of lastSeen. */
  heldMs: number
}

/**
 * How a leak's server session was found: matched by backend pid in the latest sample, gone from
 * it, no sample yet since the leak, or the pool did not know the backend pid.
 */
export type LeakServerMatch = 'matched' | 'gone' | 'not-sampled' | 'no-pid'

interface AlertBase {
  /** Stable while the condition lasts: the condition key, plus `~n` for a later occurrence. */
  id: string
  /** The condition: kind, pid, backend start and the episode's start (see alert-conditions.ts). */
  key: string
  severity: AlertSeverity
  message: string
  firstSeen: number
  lastSeen: number
  /** When the condition ended; null while it lasts. */
  resolvedAt: number | null
}

export type AlertDetail =
  | { kind: 'idle-in-transaction'; idleMs: number; session: AlertSessionView }
  | { kind: 'long-query'; runningMs: number; session: AlertSessionView }
  | { kind: 'blocked'; blockedBy: number[]; session: AlertSessionView }
  | { kind: 'connections'; used: number; available: number; ratio: number }
  | {
      kind: 'leak'
      leak: LeakView
      session: AlertSessionView | null
      serverMatch: LeakServerMatch
    }
  | { kind: 'breaker-open'; unreachableSince: number; retryAfterMs: number | null }
  | { kind: 'queue-filling'; depth: number; maxQueueSize: number; ratio: number }

export type SessionAlert = AlertBase & AlertDetail

/** What one update changed: the lead pushes these at once (alert:raised, ...). */
export interface AlertChanges {
  /** New alerts, and resolved ones whose condition came back within reopenWithinMs. */
  raised: SessionAlert[]
  /** Active alerts whose severity changed (either way). */
  severityChanged: SessionAlert[]
  resolved: SessionAlert[]
}

/** The pool's `leak` event, as the alerts take it. */
export interface LeakReport {
  connectionId: number
  backendPid: number | undefined
  holder: string | undefined
  site: string
  heldMs: number
}

/** The pool's `leak-resolved` event. */
export interface LeakEnded {
  connectionId: number
  heldMs: number
}

export function sessionView(s: ServerSession): AlertSessionView {
  return {
    pid: s.pid,
    user: s.user,
    database: s.database,
    application: s.application,
    state: s.state,
    query: s.query,
    queryHidden: s.queryHidden,
    backendStart: s.backendStart,
    xactStart: s.xactStart,
    queryStart: s.queryStart,
    stateChange: s.stateChange,
    own: s.own,
  }
}

// ---- over the contract -----------------------------------------------------------------------

/** What the sessions tab loads (sessions:get). */
export interface SessionsView {
  profileId: string
  /** The latest sample, or null before the first one (or while disconnected). */
  snapshot: SessionSnapshot | null
  /** Why the latest sample failed, if it did (the previous snapshot stays). */
  error: { code: string; message: string } | null
  alerts: SessionAlert[]
}

/** Pushed after each sample (sessions:sampled): what the cards' server gauge needs. */
export interface ServerSummary {
  profileId: string
  sampledAt: number
  connections: ConnectionUsage
  counts: StateCounts
  sampleMs: number
}

/**
 * A watched profile's server figures at start-up (MonitorSnapshot.servers): its alert list and the
 * summary of its latest sample (null before the first), without the sessions themselves.
 */
export interface ServerView {
  profileId: string
  summary: ServerSummary | null
  alerts: SessionAlert[]
}

/** Pushed when a profile's alert list changes (alerts:changed). */
export interface AlertsChanged {
  profileId: string
  alerts: SessionAlert[]
}

// ---- actions ---------------------------------------------------------------------------------

export type SessionAction = 'cancel' | 'terminate'

export interface SessionActionResult {
  action: SessionAction
  pid: number
  /** Who the session belonged to when it was signalled (verbatim; null when hidden). */
  user: string | null
  application: string | null
}

export interface ActionConfirmation {
  action: SessionAction
  pid: number
  user: string | null
  database: string | null
  application: string | null
  state: string | null
  /** Up to QUERY_EXCERPT_LENGTH characters, whitespace runs collapsed, '…' when cut; null when hidden. */
  queryExcerpt: string | null
  queryHidden: boolean
  /** One of Lifeguard's own sessions: the action needs allowOwn. */
  own: boolean
  /** "Terminate session 1234?" */
  title: string
  /** "User: …", "Application: …", "Query: …" lines, in order. */
  lines: string[]
}
