/**
 * The queued operations (oldest first) with their attempts and last error, and those moved aside
 * (newest first) with their reason and a Requeue button each. Statements and errors are data:
 * shown as text.
 */
import { useState } from 'react'
import type { QueueOperationView, QueueView } from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { clockTime } from '../../lib/countdown'
import { asideReasonLabels, operationStateLabels } from './queue-labels'

export function QueueOperations({
  profileId,
  view,
  onView,
}: {
  profileId: string
  view: QueueView
  onView(view: QueueView): void
}) {
  const { queued, aside, status } = view
  if (queued.length === 0 && aside.length === 0)
    return (
      <p className="muted queue-empty" data-testid="queue-empty">
        The write queue is empty. Writes submitted through Lifeguard while this database cannot take
        them wait here, in order, and are replayed when it can; none is ever dropped.
      </p>
    )
  return (
    <>
      {queued.length > 0 && (
        <OperationTable
          title={`Waiting, oldest first (${status.depth}${status.depth > queued.length ? `, the first ${queued.length} shown` : ''})`}
          operations={queued}
        />
      )}
      {aside.length > 0 && (
        <OperationTable
          title={`Moved aside, newest first (${status.movedAside})`}
          operations={aside}
          requeue={{ profileId, onView }}
        />
      )}
    </>
  )
}

function OperationTable({
  title,
  operations,
  requeue,
}: {
  title: string
  operations: readonly QueueOperationView[]
  requeue?: { profileId: string; onView(view: QueueView): void }
}) {
  const api = useApi()
  const [pending, setPending] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const doRequeue = async (operationId: string) => {
    if (!requeue) return
    setPending(operationId)
    setError(null)
    const result = await api.requeueOperation({ id: requeue.profileId, operationId })
    setPending(null)
    if (result.ok) requeue.onView(result.data)
    else setError(result.error)
  }
  return (
    <section className="queue-ops" aria-label={title}>
      <h4>{title}</h4>
      {error && <ErrorMessage error={error} testId="queue-requeue-error" />}
      <div className="table-wrap" tabIndex={0} aria-label={`${title}: ${operations.length}`}>
        <table className="data-table" data-testid={requeue ? 'queue-aside' : 'queue-operations'}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Enqueued</th>
              <th scope="col">State</th>
              <th scope="col">Statement</th>
              <th scope="col" className="col-num">
                Params
              </th>
              <th scope="col" className="col-num">
                Attempts
              </th>
              <th scope="col">Last error</th>
              {requeue && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr key={op.id} data-testid="queue-operation" data-state={op.state} data-id={op.id}>
                <td className="num">{op.seq}</td>
                <td className="num nowrap">{clockTime(op.enqueuedAt)}</td>
                <td className="nowrap">
                  {operationStateLabels[op.state]}
                  {op.asideReason && (
                    <span className="muted"> ({asideReasonLabels[op.asideReason]})</span>
                  )}
                </td>
                <td className="queue-sql-cell" title={op.sql}>
                  <span className="mono query-line">{op.sql}</span>
                </td>
                <td className="col-num num">{op.paramCount}</td>
                <td className="col-num num">{op.attempts}</td>
                <td className="queue-error-cell">{op.lastError ? op.lastError.message : '–'}</td>
                {requeue && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={pending !== null}
                      onClick={() => void doRequeue(op.id)}
                      aria-label={`Requeue operation ${op.seq}`}
                    >
                      Requeue
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
