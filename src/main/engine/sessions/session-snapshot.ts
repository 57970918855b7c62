/**
 * Turns the sampling query's rows into a SessionSnapshot: typed sessions with their ages and
 * ownership, counts by state, the four breakdowns, wait events, blocking chains, the longest query
 * and the oldest transaction, and connections used against what the server allows. Pure: the same
 * rows and context always give the same snapshot.
 */
import { LifeguardError } from '../core/errors'
import {
  isHidden,
  readActivity,
  readFrame,
  type ActivityRow,
  type SampleFrame,
} from './activity-row'
import { blockingChains } from './blocking-chains'
import type {
  BreakdownEntry,
  ServerSession,
  SessionRef,
  SessionSnapshot,
  StateCounts,
  WaitEventCount,
} from './session-types'

export interface SnapshotContext {
  /** Backend pids of Lifeguard's own pool connections. */
  ownPids: ReadonlySet<number>
  /** application_name prefix that marks a session as Lifeguard's own ('lifeguard'). */
  ownApplicationPrefix: string
  sampledAt: number
  sampleMs: number
  acquireMs: number
}

/** psql's name for a Unix-socket client. */
export const LOCAL_SOCKET = '[local]'

export function buildSnapshot(rows: readonly unknown[], context: SnapshotContext): SessionSnapshot {
  const first = rows[0]
  if (first === undefined)
    throw new LifeguardError('query-failed', 'the session sample returned no rows')
  const frame = readFrame(first)
  const sessions: ServerSession[] = []
  for (const row of rows) {
    const activity = readActivity(row)
    if (activity) sessions.push(toSession(activity, frame, context))
  }
  sessions.sort((a, b) => a.pid - b.pid)
  const clients = sessions.filter((s) => s.client)
  const hiddenSessions = sessions.filter((s) => s.queryHidden).length
  const available = frame.maxConnections - frame.superuserReserved - frame.reserved
  const used = clients.length
  const blocking = blockingChains(sessions)
  return {
    sampledAt: context.sampledAt,
    serverTime: frame.serverTime,
    serverVersionNum: frame.serverVersionNum,
    sampleMs: context.sampleMs,
    acquireMs: context.acquireMs,
    samplerPid: frame.samplerPid,
    seesAllSessions: frame.seesAll,
    hiddenSessions,
    sessions,
    counts: countStates(clients),
    connections: {
      used,
      available,
      maxConnections: frame.maxConnections,
      superuserReserved: frame.superuserReserved,
      reserved: frame.reserved,
      ratio: used / Math.max(1, available),
      includesHidden: clients.some((s) => s.queryHidden),
    },
    byDatabase: breakdown(clients, (s) => s.database),
    byUser: breakdown(clients, (s) => s.user),
    byApplication: breakdown(clients, (s) => s.application),
    byClientAddress: breakdown(clients, clientKey),
    waitEvents: waitEvents(sessions),
    blocking,
    blockedCount: sessions.filter((s) => s.blockedBy.length > 0).length,
    longestQuery: oldest(
      sessions.filter((s) => s.client && s.state === 'active' && !s.sampler),
      (s) => s.queryAgeMs,
    ),
    oldestTransaction: oldest(
      sessions.filter((s) => !s.sampler),
      (s) => s.xactAgeMs,
    ),
  }
}

function toSession(row: ActivityRow, frame: SampleFrame, context: SnapshotContext): ServerSession {
  const hidden = isHidden(row, frame.seesAll)
  const age = (at: number | null) => (at === null ? null : Math.max(0, frame.serverTime - at))
  const prefix = context.ownApplicationPrefix
  const own =
    context.ownPids.has(row.pid) ||
    row.pid === frame.samplerPid ||
    (prefix !== '' && row.application !== null && row.application.startsWith(prefix))
  return {
    pid: row.pid,
    leaderPid: row.leaderPid,
    database: row.database,
    user: row.user,
    application: row.application,
    clientAddress: row.clientAddress,
    clientPort: row.clientPort,
    backendType: row.backendType,
    backendStart: row.backendStart,
    xactStart: row.xactStart,
    queryStart: row.queryStart,
    stateChange: row.stateChange,
    state: row.state,
    waitEventType: row.waitEventType,
    waitEvent: row.waitEvent,
    queryId: row.queryId,
    query: hidden ? null : row.query,
    queryHidden: hidden,
    client: row.countsAsClient,
    blockedBy: row.blockedBy,
    own,
    sampler: row.pid === frame.samplerPid,
    xactAgeMs: age(row.xactStart),
    queryAgeMs: age(row.queryStart),
    stateAgeMs: age(row.stateChange),
  }
}

function countStates(clients: readonly ServerSession[]): StateCounts {
  const counts: StateCounts = {
    total: clients.length,
    active: 0,
    idle: 0,
    idleInTransaction: 0,
    idleInTransactionAborted: 0,
    other: 0,
    hidden: 0,
  }
  for (const s of clients) {
    if (s.queryHidden) counts.hidden++
    else if (s.state === 'active') counts.active++
    else if (s.state === 'idle') counts.idle++
    else if (s.state === 'idle in transaction') counts.idleInTransaction++
    else if (s.state === 'idle in transaction (aborted)') counts.idleInTransactionAborted++
    else counts.other++
  }
  return counts
}

function isIdleInTransaction(s: ServerSession): boolean {
  return s.state === 'idle in transaction' || s.state === 'idle in transaction (aborted)'
}

function clientKey(s: ServerSession): string | null {
  if (s.clientAddress !== null) return s.clientAddress
  return s.clientPort === -1 ? LOCAL_SOCKET : null
}

function breakdown(
  clients: readonly ServerSession[],
  keyOf: (s: ServerSession) => string | null,
): BreakdownEntry[] {
  const entries = new Map<string | null, BreakdownEntry>()
  for (const s of clients) {
    const key = keyOf(s)
    let entry = entries.get(key)
    if (!entry) {
      entry = { key, total: 0, active: 0, idleInTransaction: 0 }
      entries.set(key, entry)
    }
    entry.total++
    if (s.state === 'active') entry.active++
    else if (isIdleInTransaction(s)) entry.idleInTransaction++
  }
  return [...entries.values()].sort((a, b) => b.total - a.total || compareKeys(a.key, b.key))
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

function waitEvents(sessions: readonly ServerSession[]): WaitEventCount[] {
  const counts = new Map<string, WaitEventCount>()
  for (const s of sessions) {
    if (s.state !== 'active' || s.sampler || s.waitEventType === null) continue
    const event = s.waitEvent ?? ''
    const key = `${s.waitEventType}\u0000${event}`
    const entry = counts.get(key)
    if (entry) entry.count++
    else counts.set(key, { type: s.waitEventType, event, count: 1 })
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || compareKeys(a.type, b.type) || compareKeys(a.event, b.event),
  )
}

function oldest(
  sessions: readonly ServerSession[],
  ageOf: (s: ServerSession) => number | null,
): SessionRef | null {
  let best: SessionRef | null = null
  for (const s of sessions) {
    const ageMs = ageOf(s)
    if (ageMs === null) continue
    if (best === null || ageMs > best.ageMs) best = { pid: s.pid, ageMs }
  }
  return best
}
