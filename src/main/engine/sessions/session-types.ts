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
