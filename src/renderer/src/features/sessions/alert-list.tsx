/**
 * A profile's session alerts: the open ones first (critical before warning, oldest first), then
 * the most recently resolved. Each says its severity (icon and word), kind, when it was first and
 * last seen or resolved, and the session it is about; a pool leak shows both sides: the holder
 * (label, acquire site, time held) and the server's view of its connection.
 */
import type { AlertSessionView, SessionAlert } from '../../../../shared/sessions'
import { QUERY_HIDDEN_REASON } from '../../../../shared/sessions'
import { clockTime } from '../../lib/countdown'
import {
  alertKindLabels,
  formatAge,
  leakMatchLabels,
  orDash,
  percentText,
  pidsText,
  severityLabels,
  usageText,
} from '../../lib/session-labels'
import { plural } from '../../lib/plural'

/** Resolved alerts shown below the open ones (main keeps more). */
export const RESOLVED_SHOWN = 10

export function orderAlerts(alerts: readonly SessionAlert[]): {
  open: SessionAlert[]
  resolved: SessionAlert[]
} {
  const rank = (a: SessionAlert) => (a.severity === 'critical' ? 0 : 1)
  const open = alerts
    .filter((a) => a.resolvedAt === null)
    .sort((a, b) => rank(a) - rank(b) || a.firstSeen - b.firstSeen)
  const resolved = alerts
    .filter((a) => a.resolvedAt !== null)
    .sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0))
  return { open, resolved }
}

/** The pid an alert is about, if any (for tests and for finding the row). */
export function alertPid(alert: SessionAlert): number | null {
  if (
    alert.kind === 'connections' ||
    alert.kind === 'breaker-open' ||
    alert.kind === 'queue-filling'
  )
    return null
  if (alert.kind === 'leak') return alert.session?.pid ?? alert.leak.backendPid
  return alert.session.pid
}

export function AlertList({ alerts }: { alerts: readonly SessionAlert[] }) {
  const { open, resolved } = orderAlerts(alerts)
  if (alerts.length === 0)
    return (
      <p className="muted alerts-empty" data-testid="alerts-empty">
        No alerts: no session idle in a transaction or running long, nothing blocked, no pool leak,
        the breaker is closed, the write queue has room, and so has the server.
      </p>
    )
  const shown = resolved.slice(0, RESOLVED_SHOWN)
  return (
    <>
      <ul className="alert-list" data-testid="alert-list">
        {[...open, ...shown].map((alert) => (
          <AlertItem key={alert.id} alert={alert} />
        ))}
      </ul>
      {resolved.length > shown.length && (
        <p className="muted alerts-more">
          {resolved.length - shown.length} earlier resolved{' '}
          {plural(resolved.length - shown.length, 'alert')} not shown.
        </p>
      )}
    </>
  )
}

function AlertItem({ alert }: { alert: SessionAlert }) {
  const severity = severityLabels[alert.severity]
  const resolved = alert.resolvedAt !== null
  const pid = alertPid(alert)
  return (
    <li
      className={`alert-item alert-${alert.severity}${resolved ? ' alert-resolved' : ''}`}
      data-testid="alert-item"
      data-alert-id={alert.id}
      data-kind={alert.kind}
      data-severity={alert.severity}
      data-resolved={resolved}
      data-pid={pid ?? ''}
    >
      <div className="alert-head">
        <span className={`alert-severity severity-${alert.severity}`}>
          <span aria-hidden="true">{severity.icon}</span> {severity.text}
        </span>
        <span className="alert-kind">{alertKindLabels[alert.kind]}</span>
        <span className="alert-message" data-testid="alert-message">
          {alert.message}
        </span>
        <span className="alert-times num">
          <span title="First seen">first {clockTime(alert.firstSeen)}</span>
          {resolved ? (
            <span className="alert-resolved-at" data-testid="alert-resolved-at">
              <span aria-hidden="true">✓</span> resolved {clockTime(alert.resolvedAt ?? 0)}
            </span>
          ) : (
            <span title="Last seen">last {clockTime(alert.lastSeen)}</span>
          )}
        </span>
      </div>
      <AlertDetails alert={alert} />
    </li>
  )
}

function AlertDetails({ alert }: { alert: SessionAlert }) {
  switch (alert.kind) {
    case 'idle-in-transaction':
      return <SessionLine session={alert.session} extra={`idle for ${formatAge(alert.idleMs)}`} />
    case 'long-query':
      return (
        <SessionLine session={alert.session} extra={`running for ${formatAge(alert.runningMs)}`} />
      )
    case 'blocked':
      return (
        <SessionLine session={alert.session} extra={`blocked by ${pidsText(alert.blockedBy)}`} />
      )
    case 'connections':
      return <div className="alert-detail num">{usageText(alert)}</div>
    case 'leak':
      return <LeakDetails alert={alert} />
    case 'breaker-open':
      return (
        <div className="alert-detail alert-facts num" data-testid="breaker-detail">
          <span>unreachable since {clockTime(alert.unreachableSince)}</span>
          <span>
            {alert.retryAfterMs === null
              ? 'no attempt scheduled'
              : `next attempt in ${formatAge(alert.retryAfterMs)}`}
          </span>
          <span>operations fail fast with “database unavailable”</span>
        </div>
      )
    case 'queue-filling':
      return (
        <div className="alert-detail alert-facts num" data-testid="queue-detail">
          <span>
            {alert.depth} of {alert.maxQueueSize} queued ({percentText(alert.ratio)})
          </span>
          <span>a full queue refuses new writes</span>
        </div>
      )
  }
}

function queryOf(session: AlertSessionView): string {
  if (session.queryHidden) return QUERY_HIDDEN_REASON
  return session.query === null || session.query === '' ? '–' : session.query
}

/** pid, who and where, and the query (one line; the whole text on demand). */
function SessionLine({ session, extra }: { session: AlertSessionView; extra?: string }) {
  const query = queryOf(session)
  return (
    <div className="alert-detail">
      <div className="alert-facts">
        <span className="num">pid {session.pid}</span>
        {extra && <span className="num">{extra}</span>}
        <span>user {orDash(session.user)}</span>
        <span>db {orDash(session.database)}</span>
        <span data-testid="alert-application">app {orDash(session.application)}</span>
        <span>{orDash(session.state)}</span>
        {session.xactStart !== null && (
          <span className="num">transaction since {clockTime(session.xactStart)}</span>
        )}
        {session.own && <span className="tag tag-own">Lifeguard</span>}
      </div>
      <details className="alert-query">
        <summary>
          <span className={session.queryHidden ? 'query-hidden' : 'mono query-line'}>{query}</span>
        </summary>
        <pre className="query-full">{query}</pre>
      </details>
    </div>
  )
}

function LeakDetails({ alert }: { alert: Extract<SessionAlert, { kind: 'leak' }> }) {
  const { leak, session, serverMatch } = alert
  const firstFrame = leak.site.split('\n').find((line) => line.trim() !== '') ?? leak.site
  return (
    <div className="alert-detail leak-detail" data-testid="leak-detail">
      <div className="leak-side">
        <div className="leak-side-title">Holder (Lifeguard’s pool)</div>
        <div className="alert-facts">
          <span data-testid="leak-holder">{leak.holder ?? '(no label)'}</span>
          <span className="num" data-testid="leak-held">
            held {formatAge(leak.heldMs)}
          </span>
          <span className="num">connection #{leak.connectionId}</span>
          {leak.backendPid !== null && <span className="num">backend pid {leak.backendPid}</span>}
        </div>
        <details className="alert-query">
          <summary>
            <span className="mono query-line" data-testid="leak-site">
              {firstFrame.trim()}
            </span>
          </summary>
          <pre className="query-full">{leak.site}</pre>
        </details>
      </div>
      <div className="leak-side">
        <div className="leak-side-title">
          Server <span className="muted">({leakMatchLabels[serverMatch]})</span>
        </div>
        {session ? (
          <SessionLine session={session} />
        ) : (
          <div className="muted">No server session to show.</div>
        )}
      </div>
    </div>
  )
}
