/**
 * A profile's durable write queue (issue 5), read-only for now: the queue's state and figures
 * (live from queue:changed), the operations waiting (oldest first) and those moved aside, with a
 * clear empty state. Statement text is data: shown as text.
 */
import type { QueueOperationView, QueueStatus } from '../../../../shared/queue'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { clockTime } from '../../lib/countdown'
import { formatAge } from '../../lib/session-labels'
import { selectors, useStore } from '../../stores/store'
import {
  asideReasonLabels,
  bytesText,
  operationStateLabels,
  queueStateLabels,
} from './queue-labels'
import { useQueueView } from './use-queue-view'

export function QueueTab({ profileId }: { profileId: string }) {
  const live = useStore(selectors.cockpit.queue(profileId))
  const load = useQueueView(profileId)
  const status = live ?? load.view?.status ?? null
  return (
    <div className="queue-tab" data-testid="queue-tab">
      <div className="tab-bar">
        <h3>Write queue</h3>
        {status && <QueueStateBadge status={status} />}
      </div>
      {load.error && (
        <ErrorMessage
          error={load.error}
          testId="queue-error"
          title="Could not load the write queue"
        />
      )}
      {load.loading && !status && (
        <p className="loading" role="status">
          <Spinner /> Loading the write queue…
        </p>
      )}
      {status && <QueueFigures status={status} />}
      {load.view && <QueueOperations queued={load.view.queued} aside={load.view.aside} />}
      {!load.loading && !load.view && !status && !load.error && (
        <p className="muted" data-testid="queue-empty">
          No write queue status yet.
        </p>
      )}
    </div>
  )
}

function QueueStateBadge({ status }: { status: QueueStatus }) {
  const label = queueStateLabels[status.state]
  return (
    <span
      className={`queue-state queue-state-${status.state}`}
      data-testid="queue-state"
      data-state={status.state}
      title={label.meaning}
    >
      <span aria-hidden="true">{label.icon}</span> {label.text}
    </span>
  )
}

function QueueFigures({ status }: { status: QueueStatus }) {
  const ratio = status.maxQueueSize > 0 ? status.depth / status.maxQueueSize : 0
  return (
    <>
      <dl className="facts-grid" data-testid="queue-figures">
        <div>
          <dt>Queued</dt>
          <dd className="num" data-testid="queue-depth-figure">
            {status.depth} of {status.maxQueueSize} ({Math.round(ratio * 100)} %)
          </dd>
        </div>
        <div>
          <dt>Oldest</dt>
          <dd className="num">{formatAge(status.oldestAgeMs)}</dd>
        </div>
        <div>
          <dt>Enqueued</dt>
          <dd className="num">{status.enqueued}</dd>
        </div>
        <div>
          <dt>Applied</dt>
          <dd className="num">{status.applied}</dd>
        </div>
        <div>
          <dt>Failed attempts</dt>
          <dd className="num">{status.failedAttempts}</dd>
        </div>
        <div>
          <dt>Moved aside</dt>
          <dd className="num">{status.movedAside}</dd>
        </div>
        <div>
          <dt>Replay rate</dt>
          <dd className="num">{status.replayRatePerSecond.toFixed(1)} /s</dd>
        </div>
        <div>
          <dt>On disk</dt>
          <dd className="num">{bytesText(status.bytesOnDisk)}</dd>
        </div>
        <div>
          <dt>Exactly once</dt>
          <dd>{status.exactlyOnce ? 'on (lifeguard.applied_operations)' : 'off'}</dd>
        </div>
      </dl>
      {status.blocked && (
        <div className="message message-error" role="alert" data-testid="queue-blocked">
          <span className="message-icon" aria-hidden="true">
            ⊘
          </span>
          <div>
            <strong>Replay stopped at operation {status.blocked.operationId}</strong>:{' '}
            {status.blocked.error.message}
            {status.blocked.error.sqlstate && (
              <span className="mono"> [{status.blocked.error.sqlstate}]</span>
            )}
          </div>
        </div>
      )}
      {status.damage && (
        <div className="message message-error" role="alert" data-testid="queue-damage">
          <span className="message-icon" aria-hidden="true">
            ‼
          </span>
          <div>
            <strong>The queue file is damaged</strong>: {status.damage.message} (
            {status.damage.recordsAffected} records affected, {status.damage.recordsBefore} intact
            before; a copy is kept as <span className="mono">{status.damage.keptAs}</span>)
          </div>
        </div>
      )}
      {status.storageError && (
        <ErrorMessage
          error={status.storageError}
          testId="queue-storage-error"
          title="Queue storage failed"
        />
      )}
    </>
  )
}

function QueueOperations({
  queued,
  aside,
}: {
  queued: readonly QueueOperationView[]
  aside: readonly QueueOperationView[]
}) {
  if (queued.length === 0 && aside.length === 0)
    return (
      <p className="muted queue-empty" data-testid="queue-empty">
        The write queue is empty. Writes submitted through Lifeguard while this database cannot take
        them wait here, in order, and are replayed when it can; none is ever dropped.
      </p>
    )
  return (
    <>
      {queued.length > 0 && <OperationTable title="Waiting (oldest first)" operations={queued} />}
      {aside.length > 0 && <OperationTable title="Moved aside (newest first)" operations={aside} />}
    </>
  )
}

function OperationTable({
  title,
  operations,
}: {
  title: string
  operations: readonly QueueOperationView[]
}) {
  return (
    <section className="queue-ops" aria-label={title}>
      <h4>{title}</h4>
      <div className="table-wrap" tabIndex={0} aria-label={`${title}: ${operations.length}`}>
        <table className="data-table" data-testid="queue-operations">
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
            </tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr key={op.id} data-testid="queue-operation" data-state={op.state}>
                <td className="num">{op.seq}</td>
                <td className="num nowrap">{clockTime(op.enqueuedAt)}</td>
                <td className="nowrap">
                  {operationStateLabels[op.state]}
                  {op.asideReason && (
                    <span className="muted"> ({asideReasonLabels[op.asideReason]})</span>
                  )}
                </td>
                <td className="mono query-line" title={op.sql}>
                  {op.sql}
                </td>
                <td className="col-num num">{op.paramCount}</td>
                <td className="col-num num">{op.attempts}</td>
                <td>{op.lastError ? op.lastError.message : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
