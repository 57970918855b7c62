/**
 * Canned rows shaped like the sampling query's (activity-sql.ts): the settings repeated on every
 * row, then the pg_stat_activity columns, timestamps as epoch ms. Times are relative to SERVER_NOW.
 */
import {
  buildSnapshot,
  type SnapshotContext,
} from '../../../../src/main/engine/sessions/session-snapshot'
import type { SessionSnapshot } from '../../../../src/main/engine/sessions/session-types'

export const SERVER_NOW = Date.UTC(2026, 0, 1, 12, 0, 0)
export const SAMPLER_PID = 900

export type CannedRow = Record<string, unknown>

export function frame(overrides: CannedRow = {}): CannedRow {
  return {
    server_version_num: 180004,
    max_connections: 100,
    superuser_reserved_connections: 3,
    reserved_connections: 0,
    sees_all: true,
    sampler_pid: SAMPLER_PID,
    server_time: SERVER_NOW,
    ...overrides,
  }
}

/** An idle client backend of user app on database shop, started an hour ago. */
export function session(pid: number, overrides: CannedRow = {}): CannedRow {
  return {
    pid,
    leader_pid: null,
    datname: 'shop',
    usename: 'app',
    application_name: 'web',
    client_addr: '10.0.0.5',
    client_port: 50_000 + pid,
    backend_type: 'client backend',
    backend_start: SERVER_NOW - 3_600_000,
    xact_start: null,
    query_start: SERVER_NOW - 10_000,
    state_change: SERVER_NOW - 9_000,
    state: 'idle',
    wait_event_type: 'Client',
    wait_event: 'ClientRead',
    query_id: null,
    query: 'SELECT 1',
    counts_as_client: true,
    blocked_by: null,
    ...overrides,
  }
}

/** A session active for `ms` (query and transaction started then). */
export function active(pid: number, ms: number, overrides: CannedRow = {}): CannedRow {
  return session(pid, {
    state: 'active',
    xact_start: SERVER_NOW - ms,
    query_start: SERVER_NOW - ms,
    state_change: SERVER_NOW - ms,
    wait_event_type: null,
    wait_event: null,
    query: 'SELECT pg_sleep(600)',
    ...overrides,
  })
}

/** A session idle in transaction for `ms` (its transaction began 1 s before that). */
export function idleInTransaction(pid: number, ms: number, overrides: CannedRow = {}): CannedRow {
  return session(pid, {
    state: 'idle in transaction',
    xact_start: SERVER_NOW - ms - 1_000,
    query_start: SERVER_NOW - ms - 10,
    state_change: SERVER_NOW - ms,
    query: 'UPDATE t SET x = 1',
    ...overrides,
  })
}

/** What a role without pg_monitor gets for another role's session. */
export function hidden(pid: number, overrides: CannedRow = {}): CannedRow {
  return session(pid, {
    client_addr: null,
    client_port: null,
    backend_type: null,
    backend_start: null,
    xact_start: null,
    query_start: null,
    state_change: null,
    state: null,
    wait_event_type: null,
    wait_event: null,
    query: '<insufficient privilege>',
    ...overrides,
  })
}

/** The sampler's own session, as it sees itself. */
export function sampler(): CannedRow {
  return active(SAMPLER_PID, 1, { application_name: 'lifeguard', query: 'WITH settings AS ...' })
}

export function rowsOf(sessions: CannedRow[], frameOverrides: CannedRow = {}): CannedRow[] {
  const f = frame(frameOverrides)
  return sessions.map((s) => ({ ...f, ...s }))
}

export function snapshotOf(
  sessions: CannedRow[],
  options: { frame?: CannedRow; context?: Partial<SnapshotContext> } = {},
): SessionSnapshot {
  return buildSnapshot(rowsOf(sessions, options.frame), {
    ownPids: new Set(),
    ownApplicationPrefix: 'lifeguard',
    sampledAt: SERVER_NOW,
    sampleMs: 3,
    acquireMs: 0,
    ...options.context,
  })
}
