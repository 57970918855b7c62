/**
 * What the UI must show before a cancel or terminate: the pid, user, application and an excerpt of
 * the query, from the latest snapshot. Plain text fields, verbatim from the server apart from the
 * excerpt's shortening: the UI renders them as text, never as markup.
 */
import type { ActionConfirmation } from '../../../shared/sessions'
import { LifeguardError } from '../core/errors'
import { validatePid } from './backend-pid'
import type { SessionAction } from './session-actions'
import { QUERY_HIDDEN_REASON, type SessionSnapshot } from './session-types'

/** Characters of query text a confirmation shows. */
export const QUERY_EXCERPT_LENGTH = 200

export function confirmationFor(
  snapshot: SessionSnapshot,
  pid: unknown,
  action: SessionAction,
): ActionConfirmation {
  const valid = validatePid(pid)
  const s = snapshot.sessions.find((x) => x.pid === valid)
  if (!s)
    throw new LifeguardError(
      'not-found',
      `pid ${valid} is not in the latest sample of the server's sessions (it may have ended)`,
    )
  const queryExcerpt = s.query === null ? null : excerpt(s.query, QUERY_EXCERPT_LENGTH)
  const title =
    action === 'cancel' ? `Cancel the query of session ${valid}?` : `Terminate session ${valid}?`
  const lines = [
    `User: ${s.user ?? '(unknown)'}`,
    `Database: ${s.database ?? '(none)'}`,
    `Application: ${s.application === null || s.application === '' ? '(none)' : s.application}`,
    `State: ${s.state ?? (s.queryHidden ? '(hidden)' : '(none)')}`,
    `Query: ${s.queryHidden ? QUERY_HIDDEN_REASON : (queryExcerpt ?? '(none)')}`,
  ]
  if (s.own) lines.push("This is one of Lifeguard's own sessions.")
  return {
    action,
    pid: valid,
    user: s.user,
    database: s.database,
    application: s.application,
    state: s.state,
    queryExcerpt,
    queryHidden: s.queryHidden,
    own: s.own,
    title,
    lines,
  }
}

/** Whitespace runs become one space; cut at a code point (never inside a surrogate pair). */
export function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const chars = Array.from(flat)
  if (chars.length <= length) return flat
  return `${chars.slice(0, length - 1).join('')}…`
}

export type { ActionConfirmation } from '../../../shared/sessions'
