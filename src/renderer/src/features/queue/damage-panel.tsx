/**
 * A damaged queue file, as recovery found it: how many records are affected and how many intact
 * before the damage, and where the damaged copy is kept. Replay is stopped until the DBA decides;
 * "Drop the damaged part…" asks first, saying exactly what is dropped and what stays.
 */
import { useId, useState } from 'react'
import type { QueueDamage, QueueView } from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { ModalDialog } from '../../components/modal-dialog'
import { Spinner } from '../../components/spinner'
import { plural } from '../../lib/plural'

export function DamagePanel(props: {
  profileId: string
  damage: QueueDamage
  onView(view: QueueView): void
}) {
  const { damage } = props
  const [asking, setAsking] = useState(false)
  return (
    <div className="message message-error" role="alert" data-testid="queue-damage">
      <span className="message-icon" aria-hidden="true">
        ‼
      </span>
      <div>
        <p>
          <strong>The queue file is damaged</strong>: {damage.message}
        </p>
        <p>
          {damage.recordsAffected} {plural(damage.recordsAffected, 'record')} affected,{' '}
          {damage.recordsBefore} intact before the damage; a copy is kept as{' '}
          <span className="mono" data-testid="queue-damage-kept">
            {damage.keptAs}
          </span>
          . Replay is stopped for this profile until you decide.
        </p>
        <div className="row">
          <button type="button" className="btn btn-danger" onClick={() => setAsking(true)}>
            Drop the damaged part…
          </button>
        </div>
      </div>
      {asking && <DiscardDialog {...props} onClose={() => setAsking(false)} />}
    </div>
  )
}

function DiscardDialog(props: {
  profileId: string
  damage: QueueDamage
  onView(view: QueueView): void
  onClose(): void
}) {
  const api = useApi()
  const id = useId()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const { damage } = props
  const confirm = async () => {
    setPending(true)
    setError(null)
    const result = await api.discardQueueDamage({ id: props.profileId })
    setPending(false)
    if (!result.ok) return setError(result.error)
    props.onView(result.data)
    props.onClose()
  }
  return (
    <ModalDialog
      role="alertdialog"
      labelledBy={`${id}-t`}
      describedBy={`${id}-b`}
      className="modal-small"
      onCancel={props.onClose}
    >
      <div data-testid="discard-damage-dialog">
        <h2 id={`${id}-t`} className="modal-title">
          Drop the damaged part of the queue?
        </h2>
        <div id={`${id}-b`} className="modal-body">
          <p>
            The {damage.recordsBefore} intact {plural(damage.recordsBefore, 'record')} before the
            damage become the queue again and are replayed in order.
          </p>
          <p>
            The {damage.recordsAffected} {plural(damage.recordsAffected, 'record')} from the damage
            on are dropped from the queue: they are <strong>not</strong> replayed.
          </p>
          <p>
            The damaged file’s copy stays aside as <span className="mono">{damage.keptAs}</span> in
            the queue’s folder: nothing is deleted, so you can still read it.
          </p>
        </div>
        {error && <ErrorMessage error={error} testId="discard-damage-error" />}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={props.onClose} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => void confirm()}
            disabled={pending}
            aria-busy={pending}
          >
            {pending && <Spinner />}
            Drop damaged records
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
