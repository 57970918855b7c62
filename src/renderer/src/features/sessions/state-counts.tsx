/** Client sessions by state, each figure with its word (and the blocked ones), as in the header. */
import type { StateCounts } from '../../../../shared/sessions'

const cells = [
  { key: 'total', label: 'Clients', title: 'Client sessions counted against max_connections' },
  { key: 'active', label: 'Active', title: 'Running a statement' },
  { key: 'idle', label: 'Idle', title: 'Waiting for the client, no transaction open' },
  {
    key: 'idleInTransaction',
    label: 'Idle in xact',
    title: 'Idle in transaction: holding a transaction (and its locks) open',
  },
  {
    key: 'idleInTransactionAborted',
    label: 'Aborted xact',
    title: 'Idle in transaction (aborted): a failed transaction not yet rolled back',
  },
  { key: 'other', label: 'Other', title: 'Fastpath function call, disabled, or another state' },
  { key: 'hidden', label: 'Hidden', title: 'Sessions whose details the server hid from this role' },
] as const

/** Which figures call for attention when not zero. */
const alerting: ReadonlySet<string> = new Set(['idleInTransaction', 'idleInTransactionAborted'])

export function StateCountsStrip({ counts, blocked }: { counts: StateCounts; blocked: number }) {
  return (
    <dl className="session-counts" aria-label="Client sessions by state" data-testid="state-counts">
      {cells.map((cell) => {
        const value = counts[cell.key]
        const alert = alerting.has(cell.key) && value > 0
        return (
          <div
            key={cell.key}
            className={`session-count${alert ? ' session-count-alert' : ''}`}
            title={cell.title}
          >
            <dt>{cell.label}</dt>
            <dd className="num" data-testid={`state-count-${cell.key}`}>
              {alert && <span aria-hidden="true">▲ </span>}
              {value}
            </dd>
          </div>
        )
      })}
      <div
        className={`session-count${blocked > 0 ? ' session-count-alert' : ''}`}
        title="Sessions waiting for a lock another session holds"
      >
        <dt>Blocked</dt>
        <dd className="num" data-testid="state-count-blocked">
          {blocked > 0 && <span aria-hidden="true">▲ </span>}
          {blocked}
        </dd>
      </div>
    </dl>
  )
}
