/**
 * Exactly-once on / off for a profile's queue. Turning it on asks first and says exactly what
 * Lifeguard will create on that server (lifeguard.applied_operations, in schema lifeguard); off
 * stops using the table (it is kept) and replay is at-least-once again.
 */
import { useId, useState } from 'react'
import type { QueueStatus } from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { ModalDialog } from '../../components/modal-dialog'
import { Spinner } from '../../components/spinner'
import { connectionTarget } from '../../lib/format'
import { selectors, useStore } from '../../stores/store'

export function ExactlyOnceControl({ status }: { status: QueueStatus }) {
  const api = useApi()
  const [asking, setAsking] = useState(false)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const set = async (enabled: boolean) => {
    setPending(true)
    setError(null)
    const result = await api.setExactlyOnce({ id: status.profileId, enabled })
    setPending(false)
    if (!result.ok) return setError(result.error)
    useStore.getState().setQueueStatus(result.data)
    setAsking(false)
  }
  return (
    <div
      className="queue-exactly-once"
      data-testid="queue-exactly-once"
      data-on={status.exactlyOnce}
    >
      <span>
        <strong>Exactly once:</strong>{' '}
        {status.exactlyOnce ? (
          <>
            <span aria-hidden="true">✓ </span>on (lifeguard.applied_operations)
          </>
        ) : (
          <>
            <span aria-hidden="true">– </span>off: a write may run twice after a crash
          </>
        )}
      </span>
      {status.exactlyOnce ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={pending}
          onClick={() => void set(false)}
        >
          Turn off
        </button>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setAsking(true)}>
          Turn on…
        </button>
      )}
      {error && !asking && <ErrorMessage error={error} testId="exactly-once-error" />}
      {asking && (
        <ConsentDialog
          profileId={status.profileId}
          pending={pending}
          error={error}
          onConfirm={() => void set(true)}
          onCancel={() => {
            setAsking(false)
            setError(null)
          }}
        />
      )}
    </div>
  )
}

function ConsentDialog(props: {
  profileId: string
  pending: boolean
  error: ErrorInfo | null
  onConfirm(): void
  onCancel(): void
}) {
  const id = useId()
  const profile = useStore(selectors.profiles.byId(props.profileId))
  return (
    <ModalDialog
      labelledBy={`${id}-t`}
      describedBy={`${id}-b`}
      className="modal-small"
      onCancel={props.onCancel}
    >
      <div data-testid="exactly-once-dialog">
        <h2 id={`${id}-t`} className="modal-title">
          Turn exactly-once replay on?
        </h2>
        <div id={`${id}-b`} className="modal-body">
          <p>
            Lifeguard will create the schema <span className="mono">lifeguard</span> (if it is not
            there) and the table <span className="mono">lifeguard.applied_operations</span> (id,
            payload hash, time) in database{' '}
            <span className="mono">{profile ? connectionTarget(profile) : props.profileId}</span>.
          </p>
          <p>
            Replay then records each operation’s id there in the same transaction as the write, so a
            write is never applied twice, even if Lifeguard stops between the database’s commit and
            its own record. Nothing else is changed on the server; turning it off later keeps the
            table.
          </p>
        </div>
        {props.error && <ErrorMessage error={props.error} testId="exactly-once-error" />}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={props.onCancel} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={props.onConfirm}
            disabled={props.pending}
            aria-busy={props.pending}
          >
            {props.pending && <Spinner />}
            Create the table and turn on
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
