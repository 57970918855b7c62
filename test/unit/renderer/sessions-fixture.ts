/** Server sessions, snapshots and alerts for the sessions view's tests (plain data, as main sends). */
import type {
  AlertSessionView,
  ServerSession,
  SessionAlert,
  SessionSnapshot,
  SessionsView,
  StateCounts,
} from '../../../src/shared/sessions'
import { sessionView } from '../../../src/shared/sessions'

export const S0 = Date.UTC(2026, 0, 1, 9, 30, 0)

/** An HTML payload, as a role, an application or a query might carry it. */
export const PAYLOAD = '<img src=x onerror=alert(1)>'

export function session(pid: number, overrides: Partial<ServerSession> = {}): ServerSession {
  return {
    pid,
    leaderPid: null,
    database: 'app',
    user: 'alice',
    application: 'psql',
    clientAddress: '10.0.0.5',
    clientPort: 50_000 + pid,
    backendType: 'client backend',
    backendStart: S0 - 600_000,
    xactStart: null,
    queryStart: S0 - 5_000,
    stateChange: S0 - 4_000,
    state: 'idle',
    waitEventType: 'Client',
    waitEvent: 'ClientRead',
    queryId: null,
    query: 'SELECT 1',
    queryHidden: false,
    client: true,
    blockedBy: [],
    own: false,
    sampler: false,
    xactAgeMs: null,
    queryAgeMs: 5_000,
    stateAgeMs: 4_000,
    ...overrides,
  }
}

/** Idle in a transaction for `ms`. */
export function idleInTransaction(pid: number, ms: number, overrides: Partial<ServerSession> = {}) {
  return session(pid, {
    state: 'idle in transaction',
    xactStart: S0 - ms - 500,
    xactAgeMs: ms + 500,
    stateChange: S0 - ms,
    stateAgeMs: ms,
    ...overrides,
  })
}

export function active(pid: number, ms: number, overrides: Partial<ServerSession> = {}) {
  return session(pid, {
    state: 'active',
    waitEventType: null,
    waitEvent: null,
    xactStart: S0 - ms,
    xactAgeMs: ms,
    queryStart: S0 - ms,
    queryAgeMs: ms,
    query: `SELECT pg_sleep(${ms / 1000})`,
    ...overrides,
  })
}

function countsOf(sessions: readonly ServerSession[]): StateCounts {
  const clients = sessions.filter((s) => s.client)
  const is = (state: string) => clients.filter((s) => s.state === state).length
  return {
    total: clients.length,
    active: is('active'),
    idle: is('idle'),
    idleInTransaction: is('idle in transaction'),
    idleInTransactionAborted: is('idle in transaction (aborted)'),
    other: 0,
    hidden: clients.filter((s) => s.queryHidden).length,
  }
}

export function snapshot(
  sessions: ServerSession[],
  overrides: Partial<SessionSnapshot> = {},
): SessionSnapshot {
  const used = sessions.filter((s) => s.client).length
  return {
    sampledAt: S0,
    serverTime: S0,
    serverVersionNum: 170_002,
    sampleMs: 3.2,
    acquireMs: 0.4,
    samplerPid: 9_999,
    seesAllSessions: true,
    hiddenSessions: 0,
    sessions,
    counts: countsOf(sessions),
    connections: {
      used,
      available: 97,
      maxConnections: 100,
      superuserReserved: 3,
      reserved: 0,
      ratio: used / 97,
      includesHidden: false,
    },
    byDatabase: [],
    byUser: [],
    byApplication: [],
    byClientAddress: [],
    waitEvents: [],
    blocking: [],
    blockedCount: sessions.filter((s) => s.blockedBy.length > 0).length,
    longestQuery: null,
    oldestTransaction: null,
    ...overrides,
  }
}

export function sessionsView(
  profileId: string,
  snap: SessionSnapshot | null,
  alerts: SessionAlert[] = [],
): SessionsView {
  return { profileId, snapshot: snap, error: null, alerts }
}

const base = (key: string, overrides: Partial<SessionAlert> = {}) => ({
  id: key,
  key,
  severity: 'warning' as const,
  firstSeen: S0 - 10_000,
  lastSeen: S0,
  resolvedAt: null,
  ...overrides,
})

export function idleAlert(s: ServerSession, overrides: Partial<SessionAlert> = {}): SessionAlert {
  return {
    ...base(`idle-in-transaction:${s.pid}`, overrides),
    kind: 'idle-in-transaction',
    message: `pid ${s.pid} has been idle in transaction for 75 s`,
    idleMs: 75_000,
    session: sessionView(s),
  } as SessionAlert
}

export function connectionsAlert(used: number, overrides: Partial<SessionAlert> = {}) {
  return {
    ...base('connections', overrides),
    kind: 'connections',
    message: `${used} of 97 server connections in use`,
    used,
    available: 97,
    ratio: used / 97,
  } as SessionAlert
}

export function leakAlert(
  server: AlertSessionView | null,
  overrides: Partial<SessionAlert> = {},
): SessionAlert {
  return {
    ...base('leak:7', { severity: 'critical', ...overrides }),
    kind: 'leak',
    message: 'connection #7 held for 45 s',
    leak: {
      connectionId: 7,
      backendPid: server?.pid ?? null,
      holder: 'report job <b>nightly</b>',
      site: '    at runReport (/app/jobs/report.ts:42:7)\n    at main (/app/main.ts:9:3)',
      heldMs: 45_000,
    },
    session: server,
    serverMatch: server ? 'matched' : 'no-pid',
  } as SessionAlert
}
