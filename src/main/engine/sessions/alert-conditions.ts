/**
 * The alert conditions one sample shows, each under a key that names the condition's episode:
 *
 *   idle-in-transaction:<pid>:<backend_start>:<xact_start>   idle in the same transaction
 *   long-query:<pid>:<backend_start>:<query_start>           the same query still running
 *   blocked:<pid>:<backend_start>:<query_start>              the same query still waiting on a lock
 *   connections                                              the server's connections
 *   leak:<connection id>                                     a pool connection held too long
 *
 * so the alert lasts while the episode does and a new transaction or query is a new alert. A pid
 * alone is not enough: the server reuses pids. Durations come from the server's own timestamps
 * ("longer than" means strictly longer); hidden sessions (no pg_monitor) show no state, so they
 * raise none of these.
 */
import { durationText } from '../../../shared/duration-text'
import {
  sessionView,
  type AlertDetail,
  type AlertSeverity,
  type LeakServerMatch,
  type LeakView,
  type AlertSessionView,
} from './alert-types'
import type { SessionSettings } from './session-settings'
import type { ServerSession, SessionSnapshot } from './session-types'

export interface Condition {
  key: string
  severity: AlertSeverity
  message: string
  detail: AlertDetail
  /** Raised only once the condition has been seen this long (lock waits have no timestamp). */
  raiseAfterMs: number
}

type Thresholds = Pick<
  SessionSettings,
  | 'idleInTransactionMs'
  | 'idleInTransactionCriticalMs'
  | 'longQueryWarningMs'
  | 'longQueryCriticalMs'
  | 'blockedAfterMs'
  | 'connectionsWarning'
  | 'connectionsCritical'
  | 'connectionsHysteresis'
>

export function sessionKey(kind: string, s: ServerSession, episodeStart: number | null): string {
  return `${kind}:${s.pid}:${s.backendStart ?? '-'}:${episodeStart ?? '-'}`
}

export function sessionConditions(snapshot: SessionSnapshot, t: Thresholds): Condition[] {
  const out: Condition[] = []
  for (const s of snapshot.sessions) {
    if (s.sampler || s.queryHidden) continue
    const idle = idleCondition(s, t)
    if (idle) out.push(idle)
    const long = longQueryCondition(s, t)
    if (long) out.push(long)
    if (s.blockedBy.length > 0)
      out.push({
        key: sessionKey('blocked', s, s.queryStart),
        severity: 'warning',
        message: `pid ${s.pid} waits for a lock held by ${pidList(s.blockedBy)}`,
        detail: { kind: 'blocked', blockedBy: [...s.blockedBy], session: sessionView(s) },
        raiseAfterMs: t.blockedAfterMs,
      })
  }
  return out
}

function idleCondition(s: ServerSession, t: Thresholds): Condition | undefined {
  if (s.state !== 'idle in transaction' && s.state !== 'idle in transaction (aborted)') return
  const idleMs = s.stateAgeMs
  if (idleMs === null || !(idleMs > t.idleInTransactionMs)) return
  const aborted = s.state === 'idle in transaction (aborted)' ? ' (aborted)' : ''
  return {
    key: sessionKey('idle-in-transaction', s, s.xactStart),
    severity: idleMs > t.idleInTransactionCriticalMs ? 'critical' : 'warning',
    message: `pid ${s.pid} has been idle in transaction${aborted} for ${durationText(idleMs)}`,
    detail: { kind: 'idle-in-transaction', idleMs, session: sessionView(s) },
    raiseAfterMs: 0,
  }
}

function longQueryCondition(s: ServerSession, t: Thresholds): Condition | undefined {
  if (s.state !== 'active' || !s.client) return
  const runningMs = s.queryAgeMs
  if (runningMs === null || !(runningMs > t.longQueryWarningMs)) return
  return {
    key: sessionKey('long-query', s, s.queryStart),
    severity: runningMs > t.longQueryCriticalMs ? 'critical' : 'warning',
    message: `pid ${s.pid} has been running one query for ${durationText(runningMs)}`,
    detail: { kind: 'long-query', runningMs, session: sessionView(s) },
    raiseAfterMs: 0,
  }
}

/**
 * The connections level with hysteresis: above a line raises that level; once raised, a level
 * holds until the share falls below its line minus connectionsHysteresis, so a count hovering
 * at a line does not flap.
 */
export function connectionsLevel(
  ratio: number,
  current: AlertSeverity | null,
  t: Thresholds,
): AlertSeverity | null {
  // Rounded, so 0.95 - 0.05 is 0.9 and not 0.8999999999999999.
  const eased = (line: number) => Math.round((line - t.connectionsHysteresis) * 1e9) / 1e9
  if (ratio > t.connectionsCritical) return 'critical'
  if (current === 'critical' && ratio > eased(t.connectionsCritical)) return 'critical'
  if (ratio > t.connectionsWarning) return 'warning'
  if (current !== null && ratio > eased(t.connectionsWarning)) return 'warning'
  return null
}

export function connectionsCondition(
  snapshot: SessionSnapshot,
  current: AlertSeverity | null,
  t: Thresholds,
): Condition | undefined {
  const { used, available, ratio } = snapshot.connections
  const severity = connectionsLevel(ratio, current, t)
  if (severity === null) return
  return {
    key: 'connections',
    severity,
    message: `${used} of ${available} server connections in use (${Math.round(ratio * 100)} %)`,
    detail: { kind: 'connections', used, available, ratio },
    raiseAfterMs: 0,
  }
}

/**
 * A pool leak is critical (issue 8 counts it among the alerts that notify and that the badge
 * counts, src/shared/alert-criticality.ts): a connection held past the leak threshold is taken
 * from every other caller until it comes back.
 */
export function leakCondition(
  leak: LeakView,
  server: { session: AlertSessionView | null; serverMatch: LeakServerMatch },
): Condition {
  return {
    key: `leak:${leak.connectionId}`,
    severity: 'critical',
    message: leakMessage(leak),
    detail: { kind: 'leak', leak, ...server },
    raiseAfterMs: 0,
  }
}

/**
 * The holder's label is Lifeguard's own text (given at acquire), not the server's. The time held
 * reads as the alert's detail shows it (one rule: src/shared/duration-text.ts).
 */
export function leakMessage(leak: LeakView): string {
  const holder = leak.holder === null ? 'a caller with no label' : `"${leak.holder}"`
  const pid = leak.backendPid === null ? '' : ` (backend pid ${leak.backendPid})`
  return `${holder} has held pool connection ${leak.connectionId}${pid} for ${durationText(leak.heldMs)}`
}

export function pidList(pids: readonly number[]): string {
  const named = pids.map((p) => (p === 0 ? 'a prepared transaction' : `pid ${p}`))
  return named.join(', ')
}
