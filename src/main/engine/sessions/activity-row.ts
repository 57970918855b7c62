/**
 * Reads the sampling query's rows (see activity-sql.ts) into typed values. Rows arrive as
 * `unknown` from the driver; a field of the wrong type is a 'query-failed' error naming it,
 * never a silent `undefined`. Strings are kept verbatim.
 */
import { LifeguardError } from '../core/errors'
import { HIDDEN_QUERY_TEXT } from './session-types'

/** The settings every row repeats. */
export interface SampleFrame {
  serverVersionNum: number
  maxConnections: number
  superuserReserved: number
  reserved: number
  seesAll: boolean
  samplerPid: number
  serverTime: number
}

/** One pg_stat_activity row as the server sent it (before ages and ownership are added). */
export interface ActivityRow {
  pid: number
  leaderPid: number | null
  database: string | null
  user: string | null
  application: string | null
  clientAddress: string | null
  clientPort: number | null
  backendType: string | null
  backendStart: number | null
  xactStart: number | null
  queryStart: number | null
  stateChange: number | null
  state: string | null
  waitEventType: string | null
  waitEvent: string | null
  queryId: string | null
  query: string | null
  countsAsClient: boolean
  blockedBy: number[]
}

type Row = Record<string, unknown>

function bad(field: string, value: unknown): LifeguardError {
  const shown = value === undefined ? 'missing' : `${typeof value} ${JSON.stringify(value)}`
  return new LifeguardError(
    'query-failed',
    `the session sample returned an unexpected ${field} (${shown.slice(0, 80)})`,
  )
}

function num(row: Row, field: string): number {
  const value = row[field]
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw bad(field, value)
}

/** A nullable number; an absent column (older server) reads as null. */
function numOrNull(row: Row, field: string): number | null {
  const value = row[field]
  if (value === null || value === undefined) return null
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw bad(field, value)
}

function textOrNull(row: Row, field: string): string | null {
  const value = row[field]
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  throw bad(field, value)
}

function bool(row: Row, field: string): boolean {
  const value = row[field]
  if (typeof value === 'boolean') return value
  if (value === null) return false
  throw bad(field, value)
}

function pids(row: Row, field: string): number[] {
  const value = row[field]
  if (value === null || value === undefined) return []
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value as number[]
  throw bad(field, value)
}

function asRow(value: unknown): Row {
  if (typeof value === 'object' && value !== null) return value as Row
  throw bad('row', value)
}

export function readFrame(value: unknown): SampleFrame {
  const row = asRow(value)
  return {
    serverVersionNum: num(row, 'server_version_num'),
    maxConnections: num(row, 'max_connections'),
    superuserReserved: num(row, 'superuser_reserved_connections'),
    reserved: num(row, 'reserved_connections'),
    seesAll: bool(row, 'sees_all'),
    samplerPid: num(row, 'sampler_pid'),
    serverTime: num(row, 'server_time'),
  }
}

/** The row's session, or null for the empty row of the outer join (no session at all). */
export function readActivity(value: unknown): ActivityRow | null {
  const row = asRow(value)
  if (row['pid'] === null || row['pid'] === undefined) return null
  return {
    pid: num(row, 'pid'),
    leaderPid: numOrNull(row, 'leader_pid'),
    database: textOrNull(row, 'datname'),
    user: textOrNull(row, 'usename'),
    application: textOrNull(row, 'application_name'),
    clientAddress: textOrNull(row, 'client_addr'),
    clientPort: numOrNull(row, 'client_port'),
    backendType: textOrNull(row, 'backend_type'),
    backendStart: numOrNull(row, 'backend_start'),
    xactStart: numOrNull(row, 'xact_start'),
    queryStart: numOrNull(row, 'query_start'),
    stateChange: numOrNull(row, 'state_change'),
    state: textOrNull(row, 'state'),
    waitEventType: textOrNull(row, 'wait_event_type'),
    waitEvent: textOrNull(row, 'wait_event'),
    queryId: textOrNull(row, 'query_id'),
    query: textOrNull(row, 'query'),
    countsAsClient: bool(row, 'counts_as_client'),
    blockedBy: pids(row, 'blocked_by'),
  }
}

/**
 * The server hid this row's details: the placeholder text with no state and no backend type.
 * A role with pg_read_all_stats is never shown the placeholder, so for it the text is a query.
 */
export function isHidden(row: ActivityRow, seesAll: boolean): boolean {
  return (
    !seesAll && row.query === HIDDEN_QUERY_TEXT && row.state === null && row.backendType === null
  )
}
