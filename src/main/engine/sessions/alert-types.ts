/**
 * A profile's session alerts as data: severity, first seen, last seen, resolved. Times shown to
 * people are wall-clock epoch ms of this machine; server timestamps are the server's epoch ms.
 * Text from the server (names, queries) sits in its own fields, verbatim; messages are built from
 * numbers and Lifeguard's own labels.
 */
import type { ServerSession } from './session-types'

export type AlertSeverity = 'warning' | 'critical'

export type AlertKind = 'idle-in-transaction' | 'long-query' | 'blocked' | 'connections' | 'leak'

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
