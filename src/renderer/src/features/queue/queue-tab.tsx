/**
 * A profile's durable write queue (issue 5): its state and figures (live from queue:changed),
 * exactly-once on / off, a damage report, the operation replay stopped at with Retry / Skip /
 * Edit, the operations waiting and those moved aside (with Requeue), Export, and a form to
 * submit a write. Statement and server text is data: shown as text.
 */
import type { QueueStatus, QueueView } from '../../../../shared/queue'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { selectors, useStore } from '../../stores/store'
import { BlockedPanel } from './blocked-panel'
import { DamagePanel } from './damage-panel'
import { ExactlyOnceControl } from './exactly-once-control'
import { QueueDepthBar, QueueFigures, QueueStateBadge, QueueWaitNote } from './queue-figures'
import { QueueExportButton } from './queue-export-button'
import { QueueOperations } from './queue-operations'
import { SubmitWriteForm } from './submit-write-form'
import { useQueueView } from './use-queue-view'

export function QueueTab({ profileId }: { profileId: string }) {
  const live = useStore(selectors.cockpit.queue(profileId))
  const isSink = useStore(selectors.cockpit.isHistorySink(profileId))
  const load = useQueueView(profileId)
  const status = live ?? load.view?.status ?? null
  return (
    <div className="queue-tab" data-testid="queue-tab">
      <div className="tab-bar">
        <h3>Write queue</h3>
        {status && <QueueStateBadge status={status} />}
        <span className="spacer" />
        {status && status.state !== 'storage-failed' && <QueueExportButton profileId={profileId} />}
      </div>
      {isSink && (
        <p className="muted" data-testid="queue-sink-note">
          This profile is the history sink: every metrics snapshot waits in this queue until it is
          written to lifeguard.pool_snapshots here.
        </p>
      )}
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
      {status && <QueueStatusPart status={status} view={load.view} onView={load.apply} />}
      {load.view && <QueueOperations profileId={profileId} view={load.view} onView={load.apply} />}
      {status && status.state !== 'storage-failed' && status.state !== 'damaged' && (
        <SubmitWriteForm profileId={profileId} onDone={load.refresh} />
      )}
      {!load.loading && !load.view && !status && !load.error && (
        <p className="muted" data-testid="queue-empty">
          No write queue status yet.
        </p>
      )}
    </div>
  )
}

function QueueStatusPart({
  status,
  view,
  onView,
}: {
  status: QueueStatus
  view: QueueView | null
  onView(view: QueueView): void
}) {
  const blockedOp = status.blocked
    ? view?.queued.find((op) => op.id === status.blocked!.operationId)
    : undefined
  return (
    <>
      <QueueDepthBar status={status} />
      <QueueFigures status={status} />
      <ExactlyOnceControl status={status} />
      <QueueWaitNote status={status} />
      {status.blocked && (
        <BlockedPanel
          key={status.blocked.operationId}
          profileId={status.profileId}
          blocked={status.blocked}
          operation={blockedOp}
          onView={onView}
        />
      )}
      {status.damage && (
        <DamagePanel profileId={status.profileId} damage={status.damage} onView={onView} />
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
