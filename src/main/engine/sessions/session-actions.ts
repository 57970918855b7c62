/**
 * Cancel a session's query (pg_cancel_backend) or end the session (pg_terminate_backend), on a
 * connection of the pool's reserved partition, bounded in time. The pid is validated and always
 * bound as a parameter. Lifeguard's own sessions (its pool's backends, or an application_name
 * starting with 'lifeguard') are refused unless `allowOwn` is set; the connection the action runs
 * on is refused always. The outcomes are typed:
 *   'validation'  the pid is not a pid
 *   'forbidden'   one of Lifeguard's own sessions, or the server refused (SQLSTATE 42501: needs
 *                 superuser, membership in the session's role, or pg_signal_backend)
 *   'not-found'   no such session (it may have ended: the function returned false, with a WARNING)
 *   'invalid-state' the server would not signal it (not a backend that can be signalled)
 * The UI shows the confirmation text (confirmation.ts) first.
 */
import type { SessionAction, SessionActionResult } from '../../../shared/sessions'
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import { defaults } from '../defaults'
import { validatePid } from './backend-pid'
import {
  asQueryFailed,
  isStatementError,
  withBoundedLease,
  type SessionAcquirer,
  type SessionConnection,
} from './bounded-lease'
import { sessionDefaults } from './session-settings'

export const ACTION_HOLDER = 'lifeguard: session action'

export interface SessionActionDeps {
  acquirer: SessionAcquirer
  clock: Clock
  /** Backend pids of Lifeguard's own pool connections. */
  ownPids?: () => Iterable<number>
  /** Default 'lifeguard'; '' marks only the pool's pids as own. */
  ownApplicationPrefix?: string
  /** Default 5 s. */
  timeoutMs?: number
  /** Default the reserved 'monitor' partition; null for a pool without partitions. */
  partition?: string | null
}

export interface SessionActionRequest {
  action: SessionAction
  /** Validated here: anything but a pid is a 'validation' error. */
  pid: unknown
  /** Act on one of Lifeguard's own sessions (never on the connection the action runs on). */
  allowOwn?: boolean
}

const verbs: Record<SessionAction, { fn: string; doing: string }> = {
  cancel: { fn: 'pg_cancel_backend', doing: 'cancel the query of' },
  terminate: { fn: 'pg_terminate_backend', doing: 'terminate' },
}

const TARGET_SQL = `SELECT a.usename::text AS usename, a.application_name, a.backend_type,
  pg_backend_pid() AS own_pid
FROM pg_stat_activity a WHERE a.pid = $1`

interface Target {
  usename: string | null
  application_name: string | null
  backend_type: string | null
  own_pid: number
}

export async function runSessionAction(
  deps: SessionActionDeps,
  request: SessionActionRequest,
): Promise<SessionActionResult> {
  const pid = validatePid(request.pid)
  const { action } = request
  const allowOwn = request.allowOwn === true
  if (!allowOwn && new Set(deps.ownPids?.() ?? []).has(pid)) throw ownSession(action, pid)
  const what = `${action} of pid ${pid}`
  try {
    const { value } = await withBoundedLease(
      {
        acquirer: deps.acquirer,
        clock: deps.clock,
        partition:
          deps.partition === null ? undefined : (deps.partition ?? defaults.monitorPartition),
        holder: ACTION_HOLDER,
        timeoutMs: deps.timeoutMs ?? sessionDefaults.actionTimeoutMs,
        what: `the ${what}`,
      },
      (connection) => signal(connection, deps, action, pid, allowOwn),
    )
    return value
  } catch (error) {
    throw asQueryFailed(error, `the ${what}`)
  }
}

export function cancelSession(
  deps: SessionActionDeps,
  pid: unknown,
  options: { allowOwn?: boolean } = {},
): Promise<SessionActionResult> {
  return runSessionAction(deps, { action: 'cancel', pid, ...options })
}

export function terminateSession(
  deps: SessionActionDeps,
  pid: unknown,
  options: { allowOwn?: boolean } = {},
): Promise<SessionActionResult> {
  return runSessionAction(deps, { action: 'terminate', pid, ...options })
}

async function signal(
  connection: SessionConnection,
  deps: SessionActionDeps,
  action: SessionAction,
  pid: number,
  allowOwn: boolean,
): Promise<SessionActionResult> {
  const target = await findTarget(connection, pid)
  if (!target) throw gone(pid)
  if (target.own_pid === pid)
    throw new LifeguardError(
      'forbidden',
      `pid ${pid} is the connection Lifeguard runs this ${action} on: it cannot ${verbs[action].doing} itself`,
    )
  const prefix = deps.ownApplicationPrefix ?? sessionDefaults.ownApplicationPrefix
  const app = target.application_name
  if (!allowOwn && prefix !== '' && app !== null && app.startsWith(prefix))
    throw ownSession(action, pid)
  let done: unknown
  try {
    const { rows } = await connection.query(`SELECT ${verbs[action].fn}($1) AS done`, [pid])
    done = (rows[0] as { done?: unknown } | undefined)?.done
  } catch (error) {
    if (isStatementError(error) && error.code === '42501')
      throw new LifeguardError(
        'forbidden',
        `not allowed to ${verbs[action].doing} pid ${pid}${target.usename === null ? '' : ` (user ${target.usename})`}: ` +
          `the server requires a superuser, membership in the session's role, or pg_signal_backend ` +
          `(and only a superuser may signal a superuser's session)`,
        { cause: error, detail: error.message },
      )
    throw error
  }
  if (done !== true) {
    // false comes with a WARNING: no such backend (any more), or one the server will not signal.
    const still = await findTarget(connection, pid)
    if (!still) throw gone(pid)
    throw new LifeguardError(
      'invalid-state',
      `the server did not ${verbs[action].doing} pid ${pid}: ${still.backend_type === null ? 'this process' : `a ${still.backend_type} process`} cannot be signalled this way`,
    )
  }
  return { action, pid, user: target.usename, application: target.application_name }
}

async function findTarget(connection: SessionConnection, pid: number): Promise<Target | undefined> {
  const { rows } = await connection.query(TARGET_SQL, [pid])
  return rows[0] as Target | undefined
}

function gone(pid: number): LifeguardError {
  return new LifeguardError(
    'not-found',
    `pid ${pid} is not a session on this server (it may have ended)`,
  )
}

function ownSession(action: SessionAction, pid: number): LifeguardError {
  return new LifeguardError(
    'forbidden',
    `pid ${pid} is one of Lifeguard's own sessions: refusing to ${verbs[action].doing} it (pass allowOwn to do it anyway)`,
  )
}

export type { SessionAction, SessionActionResult } from '../../../shared/sessions'
