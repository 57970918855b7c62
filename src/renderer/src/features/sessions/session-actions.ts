/**
 * Cancel query and Terminate session, as the UI offers them: which rows may have them (and why
 * not), what the confirmation says, the request main gets (the pid as a number; `allowOwn` only
 * after the second confirmation an own session needs) and how its answer reads. Server text goes
 * into these strings verbatim: they are rendered as text only.
 */
import type { LifeguardApi } from '../../../../shared/contract'
import type { ErrorInfo, Result } from '../../../../shared/result'
import type { ServerSession, SessionAction, SessionActionResult } from '../../../../shared/sessions'
import { QUERY_HIDDEN_REASON } from '../../../../shared/sessions'
import { errorTitle } from '../../lib/error-text'
import { clientText, formatAge, orDash } from '../../lib/session-labels'

export type Availability = { allowed: true } | { allowed: false; reason: string }

const allowed: Availability = { allowed: true }

/** States in which no statement runs: a cancel would do nothing. */
const idleStates: ReadonlySet<string> = new Set([
  'idle',
  'idle in transaction',
  'idle in transaction (aborted)',
])

/** Background processes the server lets a DBA signal; others answer "cannot be signalled". */
const signallable: ReadonlySet<string> = new Set(['autovacuum worker', 'parallel worker'])

export function actionAvailability(
  s: ServerSession,
  action: SessionAction,
  connected: boolean,
): Availability {
  if (!connected) return { allowed: false, reason: 'the profile is not connected' }
  if (s.sampler) return { allowed: false, reason: 'Lifeguard’s sampler' }
  if (s.probe === true) return { allowed: false, reason: 'Lifeguard’s health probe' }
  if (!s.client && !(s.backendType !== null && signallable.has(s.backendType)))
    return { allowed: false, reason: `a ${s.backendType ?? 'background'} process` }
  if (action === 'cancel' && s.state !== null && idleStates.has(s.state))
    return { allowed: false, reason: `no query is running (${s.state})` }
  return allowed
}

export const actionLabels: Record<SessionAction, { button: string; done: string }> = {
  cancel: { button: 'Cancel query', done: 'Cancelled the query of session' },
  terminate: { button: 'Terminate session', done: 'Terminated session' },
}

export function confirmationTitle(action: SessionAction, pid: number): string {
  return action === 'cancel' ? `Cancel the query of session ${pid}?` : `Terminate session ${pid}?`
}

export function consequenceText(action: SessionAction): string {
  return action === 'cancel'
    ? 'The running statement is cancelled and the session stays connected; inside a transaction block, the transaction is aborted.'
    : 'The connection is closed: an open transaction is rolled back, and the client gets an error on its next statement.'
}

export interface ConfirmationFact {
  label: string
  value: string
}

/** What the confirmation names besides the query: who, where from, doing what. */
export function confirmationFacts(s: ServerSession): ConfirmationFact[] {
  return [
    { label: 'PID', value: String(s.pid) },
    { label: 'User', value: s.user ?? (s.queryHidden ? '(hidden)' : '(unknown)') },
    { label: 'Database', value: orDash(s.database) },
    { label: 'Application', value: orDash(s.application) },
    { label: 'Client', value: clientText(s) },
    { label: 'State', value: s.state ?? (s.queryHidden ? '(hidden)' : '–') },
    { label: 'Transaction age', value: formatAge(s.xactAgeMs) },
    { label: 'Query age', value: formatAge(s.queryAgeMs) },
  ]
}

/** The query as the confirmation shows it (in full, as text). */
export function confirmationQuery(s: Pick<ServerSession, 'query' | 'queryHidden'>): string {
  if (s.queryHidden) return QUERY_HIDDEN_REASON
  return s.query === null || s.query === '' ? '(no query yet)' : s.query
}

/** One request; `allowOwn` is sent only when the DBA confirmed an own session twice. */
export function runSessionAction(
  api: LifeguardApi,
  profileId: string,
  action: SessionAction,
  pid: number,
  allowOwn: boolean,
): Promise<Result<SessionActionResult>> {
  const request = allowOwn ? { id: profileId, pid, allowOwn: true } : { id: profileId, pid }
  return action === 'cancel' ? api.cancelSession(request) : api.terminateSession(request)
}

/** Plainly: a refusal is a permission problem, a vanished session is not an error of the DBA's. */
export function actionErrorText(error: ErrorInfo): string {
  if (error.code === 'forbidden') return `permission denied: ${error.message}`
  if (error.code === 'not-found') return `session gone: ${error.message}`
  return `${errorTitle(error)}: ${error.message}`
}

export function actionDoneText(result: SessionActionResult): string {
  const who = [
    result.user === null ? null : `user ${result.user}`,
    result.application === null || result.application === ''
      ? null
      : `application ${result.application}`,
  ].filter((part) => part !== null)
  const tail = who.length > 0 ? ` (${who.join(', ')})` : ''
  return `${actionLabels[result.action].done} ${result.pid}${tail}.`
}
