/**
 * Every session of the latest sample, one row group each: pid, user, database, application,
 * client, state, wait event and blockers, transaction and query age and the two actions; under
 * them the query on one line (the whole text in the row's details, opened by its toggle). Lifeguard's own sessions carry a "Lifeguard" tag; a
 * query the server hid says why. Column headers sort (aria-sort says how). All server text is
 * rendered as text.
 */
import type { ServerSession, SessionAction } from '../../../../shared/sessions'
import { QUERY_HIDDEN_REASON } from '../../../../shared/sessions'
import { clockTime } from '../../lib/countdown'
import { clientText, formatAge, orDash, pidsText, stateLabel } from '../../lib/session-labels'
import { actionAvailability, actionLabels } from './session-actions'
import type { SortKey, SortOrder } from './session-table-model'

const columns: { key: SortKey; label: string; title?: string; numeric?: boolean }[] = [
  { key: 'pid', label: 'PID', numeric: true },
  { key: 'user', label: 'User' },
  { key: 'database', label: 'Database' },
  { key: 'application', label: 'Application' },
  { key: 'client', label: 'Client' },
  { key: 'state', label: 'State' },
  {
    key: 'wait',
    label: 'Wait',
    title: 'Wait event, and the sessions holding the lock it waits for',
  },
  { key: 'xactAge', label: 'Xact age', title: 'Age of the open transaction', numeric: true },
  {
    key: 'queryAge',
    label: 'Query age',
    title: 'Since the current or last query started',
    numeric: true,
  },
]

export interface SessionsTableProps {
  sessions: readonly ServerSession[]
  sort: SortOrder
  onSort(key: SortKey): void
  expanded: ReadonlySet<number>
  onToggle(pid: number): void
  /** Actions can be run (the profile is connected). */
  connected: boolean
  onAction(action: SessionAction, session: ServerSession): void
}

export function SessionsTable(props: SessionsTableProps) {
  const { sessions, sort, onSort } = props
  return (
    <div className="sessions-table-wrap" tabIndex={0} aria-label="Server sessions">
      <table className="sessions-table" data-testid="sessions-table">
        <thead>
          <tr>
            <th scope="col" className="col-toggle">
              <span className="visually-hidden">Details</span>
            </th>
            {columns.map((c) => {
              const current = sort.key === c.key
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'col-num' : undefined}
                  aria-sort={current ? sort.direction : 'none'}
                  title={c.title}
                >
                  <button
                    type="button"
                    className="sort-button"
                    data-testid={`sort-${c.key}`}
                    onClick={() => onSort(c.key)}
                  >
                    {c.label}
                    <span className="sort-icon" aria-hidden="true">
                      {current ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              )
            })}
            <th scope="col" className="col-actions">
              Actions
            </th>
          </tr>
        </thead>
        {sessions.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={columns.length + 2} className="muted sessions-none">
                No session matches the filters.
              </td>
            </tr>
          </tbody>
        ) : (
          sessions.map((s) => <SessionRow key={s.pid} session={s} {...props} />)
        )}
      </table>
    </div>
  )
}

function SessionRow({
  session: s,
  expanded,
  onToggle,
  connected,
  onAction,
}: SessionsTableProps & { session: ServerSession }) {
  const open = expanded.has(s.pid)
  const state = stateLabel(s.state, s.queryHidden)
  const detailsId = `session-details-${s.pid}`
  const blocked = s.blockedBy.length > 0
  return (
    <tbody
      className={`session tone-${state.tone}${s.own ? ' session-own' : ''}${blocked ? ' session-blocked' : ''}`}
      data-testid="session-row"
      data-pid={s.pid}
      data-state={s.state ?? ''}
      data-own={s.own}
    >
      <tr className="session-main">
        <td className="col-toggle">
          <button
            type="button"
            className="row-toggle"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} details of session ${s.pid}`}
            onClick={() => onToggle(s.pid)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        </td>
        <td className="col-num num" data-testid="session-pid">
          {s.pid}
        </td>
        <td className="cell-text" title={s.user ?? undefined} data-testid="session-user">
          {orDash(s.user)}
        </td>
        <td className="cell-text" title={s.database ?? undefined}>
          {orDash(s.database)}
        </td>
        <td className={s.own ? 'cell-app cell-app-own' : 'cell-app'}>
          <span
            className="cell-text-inline"
            title={s.application ?? undefined}
            data-testid="session-application"
          >
            {orDash(s.application)}
          </span>
          {s.own && (
            <span
              className="tag tag-own"
              title="One of Lifeguard’s own connections"
              data-testid="own-tag"
            >
              Lifeguard
            </span>
          )}
        </td>
        <td className="cell-text num" title={clientText(s)}>
          {clientText(s)}
        </td>
        <td className={`cell-state state-tone-${state.tone}`} data-testid="session-state">
          <span aria-hidden="true" className="state-glyph">
            {state.icon}
          </span>{' '}
          {state.text}
          {!s.client && s.backendType !== null && (
            <div className="muted cell-sub">{s.backendType}</div>
          )}
        </td>
        <td className="cell-wait">
          {s.waitEventType === null ? (
            <span className="muted">–</span>
          ) : (
            <span
              className="cell-text-inline"
              title={`${s.waitEventType}: ${s.waitEvent ?? ''}`}
              data-testid="session-wait"
            >
              {s.waitEvent ?? s.waitEventType}
            </span>
          )}
          {blocked && (
            <div className="blocked-by" data-testid="blocked-by">
              blocked by {pidsText(s.blockedBy)}
            </div>
          )}
        </td>
        <td className="col-num num">{formatAge(s.xactAgeMs)}</td>
        <td className={`col-num num${s.state === 'active' ? '' : ' muted'}`}>
          {formatAge(s.queryAgeMs)}
        </td>
        <td className="col-actions">
          <RowActions session={s} connected={connected} onAction={onAction} />
        </td>
      </tr>
      <tr className="session-query-row">
        <td colSpan={2} />
        <td colSpan={columns.length} className="col-query">
          <span className="visually-hidden">Query: </span>
          <QueryCell session={s} />
        </td>
      </tr>
      {open && (
        <tr className="session-details-row" id={detailsId} data-testid="session-details">
          <td />
          <td colSpan={columns.length + 1}>
            <SessionDetails session={s} />
          </td>
        </tr>
      )}
    </tbody>
  )
}

function QueryCell({ session: s }: { session: ServerSession }) {
  if (s.queryHidden)
    return (
      <span className="query-hidden" data-testid="query-hidden">
        <span aria-hidden="true">⊘</span> {QUERY_HIDDEN_REASON}
      </span>
    )
  if (s.query === null || s.query === '') return <span className="muted">–</span>
  return (
    <span className="query-line mono" title={s.query} data-testid="session-query">
      {s.query}
    </span>
  )
}

function RowActions({
  session: s,
  connected,
  onAction,
}: {
  session: ServerSession
  connected: boolean
  onAction(action: SessionAction, session: ServerSession): void
}) {
  const cancel = actionAvailability(s, 'cancel', connected)
  const terminate = actionAvailability(s, 'terminate', connected)
  if (!cancel.allowed && !terminate.allowed)
    return (
      <span className="muted action-reason" data-testid="actions-unavailable">
        {terminate.reason}
      </span>
    )
  return (
    <div className="row-actions">
      <button
        type="button"
        className="btn btn-small"
        disabled={!cancel.allowed}
        title={
          cancel.allowed
            ? `Cancel the running query of session ${s.pid}`
            : `Nothing to cancel: ${cancel.reason}`
        }
        aria-label={`${actionLabels.cancel.button} of session ${s.pid}`}
        onClick={() => onAction('cancel', s)}
      >
        Cancel
      </button>
      <button
        type="button"
        className="btn btn-small btn-danger-outline"
        disabled={!terminate.allowed}
        title={`Terminate session ${s.pid}${s.own ? ' (one of Lifeguard’s own: asks twice)' : ''}`}
        aria-label={`${actionLabels.terminate.button} ${s.pid}`}
        onClick={() => onAction('terminate', s)}
      >
        Terminate
      </button>
    </div>
  )
}

function timeOrDash(ms: number | null): string {
  return ms === null ? '–' : clockTime(ms)
}

/** Everything the row has no room for, and the whole query. */
function SessionDetails({ session: s }: { session: ServerSession }) {
  const facts: [string, string][] = [
    ['Backend type', orDash(s.backendType)],
    ['Backend start', timeOrDash(s.backendStart)],
    ['Transaction start', timeOrDash(s.xactStart)],
    ['Query start', timeOrDash(s.queryStart)],
    ['State change', `${timeOrDash(s.stateChange)} (${formatAge(s.stateAgeMs)} ago)`],
    ['Client', clientText(s)],
  ]
  if (s.leaderPid !== null && s.leaderPid !== s.pid)
    facts.push(['Parallel leader', String(s.leaderPid)])
  if (s.queryId !== null) facts.push(['Query id', s.queryId])
  if (s.blockedBy.length > 0) facts.push(['Blocked by', pidsText(s.blockedBy)])
  if (s.sampler) facts.push(['Lifeguard', 'the connection that took this sample'])
  else if (s.probe === true)
    facts.push(['Lifeguard', 'the connection the health probe ran on last (idle in the pool)'])
  else if (s.own) facts.push(['Lifeguard', 'one of Lifeguard’s own connections'])
  return (
    <div className="session-details">
      <dl className="session-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="num">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="session-query-full">
        <div className="session-facts-label">Query</div>
        <pre className="query-full" data-testid="session-query-full">
          {s.queryHidden ? QUERY_HIDDEN_REASON : s.query === null || s.query === '' ? '–' : s.query}
        </pre>
      </div>
    </div>
  )
}
