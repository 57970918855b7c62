/**
 * What the sessions view shows, from plain props: the server gauge and the counts by state, the
 * alerts, the filters and the sessions table, the outcome of the last action, and why a sample is
 * missing or failed. The dialog around it polls main and runs the actions.
 */
import type { ConnectionState, ProfileSummary } from '../../../../shared/domain'
import type { ServerSession, SessionAction, SessionAlert } from '../../../../shared/sessions'
import { QUERY_HIDDEN_REASON } from '../../../../shared/sessions'
import { ErrorMessage } from '../../components/error-message'
import { ServerGauge } from '../../components/server-gauge'
import { Spinner } from '../../components/spinner'
import { clockTime } from '../../lib/countdown'
import { connectionTarget, formatMs } from '../../lib/format'
import { StateBadge } from '../profiles/state-badge'
import { AlertBadge } from './alert-badge'
import { AlertList } from './alert-list'
import { SessionFilters } from './session-filters'
import {
  filterOptions,
  filterSessions,
  isShown,
  sortSessions,
  type SessionFilter,
  type SortKey,
  type SortOrder,
} from './session-table-model'
import { SessionsTable } from './sessions-table'
import { StateCountsStrip } from './state-counts'
import type { SessionsLoad } from './use-sessions-view'
import { plural } from '../../lib/plural'

export interface ActionNotice {
  outcome: 'done' | 'failed'
  text: string
}

export interface SessionsPanelProps {
  titleId: string
  profile: ProfileSummary
  state: ConnectionState
  load: SessionsLoad
  alerts: readonly SessionAlert[]
  sort: SortOrder
  filter: SessionFilter
  expanded: ReadonlySet<number>
  notice: ActionNotice | null
  onSort(key: SortKey): void
  onFilter(filter: SessionFilter): void
  onToggle(pid: number): void
  onAction(action: SessionAction, session: ServerSession): void
  onDismissNotice(): void
  onRefresh(): void
  /** h3 inside the profile view (whose title is the h2); its sections then use h4. */
  headingLevel?: 2 | 3
}

/** "17.2" from 170002; "16.0" from 160000. */
export function versionText(num: number): string {
  return `${Math.floor(num / 10_000)}.${num % 10_000}`
}

export function SessionsPanel(props: SessionsPanelProps) {
  const { titleId, profile, state, load, alerts, notice } = props
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2'
  const Section = props.headingLevel === 3 ? 'h4' : 'h3'
  const snapshot = load.view?.snapshot ?? null
  const sampleError = load.view?.error ?? null
  const critical = alerts.filter((a) => a.resolvedAt === null && a.severity === 'critical').length
  const warning = alerts.filter((a) => a.resolvedAt === null && a.severity === 'warning').length
  return (
    <div className="sessions-view" data-testid="sessions-view" data-state={state}>
      <header className="sessions-head">
        <div className="sessions-title">
          <Heading id={titleId} className="modal-title">
            Sessions on “{profile.name}”
          </Heading>
          <div className="card-target mono">{connectionTarget(profile)}</div>
        </div>
        <div className="sessions-head-side">
          {snapshot && (
            <span className="muted num sample-info" data-testid="sample-info">
              PostgreSQL {versionText(snapshot.serverVersionNum)} · sampled{' '}
              {clockTime(snapshot.sampledAt)} in {formatMs(snapshot.sampleMs)}
            </span>
          )}
          <StateBadge state={state} />
          <button
            type="button"
            className="btn btn-small"
            onClick={props.onRefresh}
            title="Sample again now (it also refreshes every 2 s)"
          >
            Refresh
          </button>
        </div>
      </header>

      {load.error && (
        <ErrorMessage
          error={load.error}
          testId="sessions-load-error"
          title="Could not load the sessions"
        />
      )}
      {sampleError && (
        <div className="message message-error" role="alert" data-testid="sample-error">
          <span className="message-icon" aria-hidden="true">
            ✕
          </span>
          <div>
            <strong>The latest sample failed</strong>: {sampleError.message}
            {snapshot && (
              <div className="message-hint">
                Showing the sample from {clockTime(snapshot.sampledAt)}.
              </div>
            )}
          </div>
        </div>
      )}

      {snapshot ? (
        <>
          <div className="sessions-summary">
            <div className="sessions-gauge">
              <ServerGauge usage={snapshot.connections} label="Server connections" />
            </div>
            <StateCountsStrip counts={snapshot.counts} blocked={snapshot.blockedCount} />
          </div>
          {!snapshot.seesAllSessions && (
            <div className="message message-warning" data-testid="privilege-note">
              <span className="message-icon" aria-hidden="true">
                ⊘
              </span>
              <div>
                This role lacks <span className="mono">pg_monitor</span>: the server hides the
                details of {snapshot.hiddenSessions} other{' '}
                {plural(snapshot.hiddenSessions, 'session')} (“{QUERY_HIDDEN_REASON}”).
              </div>
            </div>
          )}
        </>
      ) : (
        !load.loading &&
        !sampleError && (
          <p className="muted sessions-waiting" data-testid="sessions-no-sample">
            {state === 'connected'
              ? 'No sample of the server’s sessions yet: the first one comes within 2 s.'
              : 'Not connected: connect the profile to see its server’s sessions.'}
          </p>
        )
      )}

      <section className="sessions-alerts" aria-labelledby={`${titleId}-alerts`}>
        <div className="sessions-section-bar">
          <Section id={`${titleId}-alerts`}>Alerts</Section>
          <AlertBadge critical={critical} warning={warning} />
        </div>
        <div className="sessions-alerts-body">
          <AlertList alerts={alerts} />
        </div>
      </section>

      <section className="sessions-list" aria-labelledby={`${titleId}-list`}>
        <div className="sessions-section-bar">
          <Section id={`${titleId}-list`}>Sessions</Section>
        </div>
        {notice && (
          <div
            className={`message ${notice.outcome === 'done' ? 'message-ok' : 'message-error'} action-notice`}
            role={notice.outcome === 'failed' ? 'alert' : 'status'}
            data-testid="action-notice"
            data-outcome={notice.outcome}
          >
            <span className="message-icon" aria-hidden="true">
              {notice.outcome === 'done' ? '✓' : '✕'}
            </span>
            <div className="spacer">{notice.text}</div>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={props.onDismissNotice}
              aria-label="Dismiss"
            >
              ✕
            </button>
          </div>
        )}
        {load.loading ? (
          <p className="loading" role="status">
            <Spinner /> Loading the server’s sessions…
          </p>
        ) : (
          snapshot && <SessionsList {...props} sessions={snapshot.sessions} />
        )}
      </section>
    </div>
  )
}

function SessionsList(props: SessionsPanelProps & { sessions: readonly ServerSession[] }) {
  const { sessions, filter, sort, titleId } = props
  const options = filterOptions(sessions, filter.background)
  const rows = sortSessions(filterSessions(sessions, filter), sort)
  const total = sessions.filter((s) => isShown(s, filter.background)).length
  return (
    <>
      <SessionFilters
        id={`${titleId}-filter`}
        filter={filter}
        options={options}
        shown={rows.length}
        total={total}
        onFilter={props.onFilter}
      />
      <SessionsTable
        sessions={rows}
        sort={sort}
        onSort={props.onSort}
        expanded={props.expanded}
        onToggle={props.onToggle}
        connected={props.state === 'connected'}
        onAction={props.onAction}
      />
    </>
  )
}
