/**
 * The confirmation before Cancel query or Terminate session: names the pid, user, database,
 * application, client and state, and shows the query in full, all as text. The safe choice has
 * the focus. One of Lifeguard's own sessions asks a second time: a checkbox must be ticked before
 * the action is possible, and only then is `allowOwn` sent.
 */
import { useId, useState } from 'react'
import type { ServerSession, SessionAction } from '../../../../shared/sessions'
import { ModalDialog } from '../../components/modal-dialog'
import { Spinner } from '../../components/spinner'
import {
  actionLabels,
  confirmationFacts,
  confirmationQuery,
  confirmationTitle,
  consequenceText,
} from './session-actions'

export interface ActionRequest {
  action: SessionAction
  session: ServerSession
}

interface ActionDialogProps {
  request: ActionRequest
  pending: boolean
  onConfirm(allowOwn: boolean): void
  onCancel(): void
}

export function ActionDialog({ request, pending, onConfirm, onCancel }: ActionDialogProps) {
  const id = useId()
  return (
    <ModalDialog
      role="alertdialog"
      className="modal-confirm"
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      onCancel={onCancel}
    >
      <ActionConfirmationBody
        id={id}
        request={request}
        pending={pending}
        onConfirm={onConfirm}
        onCancel={onCancel}
      />
    </ModalDialog>
  )
}

/** The dialog's content, from props (rendered on its own by the tests). */
export function ActionConfirmationBody({
  id,
  request,
  pending,
  onConfirm,
  onCancel,
}: ActionDialogProps & { id: string }) {
  const { action, session } = request
  const [acknowledged, setAcknowledged] = useState(false)
  const needsAck = session.own
  const label = actionLabels[action].button
  return (
    <div
      className="action-confirm"
      data-testid="action-confirm"
      data-action={action}
      data-pid={session.pid}
    >
      <h2 id={`${id}-title`} className="modal-title">
        {confirmationTitle(action, session.pid)}
      </h2>
      <div id={`${id}-body`} className="modal-body">
        <dl className="confirm-facts" data-testid="confirm-facts">
          {confirmationFacts(session).map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd data-testid={`confirm-${fact.label.toLowerCase().replace(/ /g, '-')}`}>
                {fact.value}
              </dd>
            </div>
          ))}
        </dl>
        <div>
          <div className="confirm-query-label">Query</div>
          <pre
            className={`query-full confirm-query${session.queryHidden ? ' query-hidden' : ''}`}
            data-testid="confirm-query"
          >
            {confirmationQuery(session)}
          </pre>
        </div>
        <p>{consequenceText(action)}</p>
        {needsAck && (
          <div className="message message-warning own-warning" data-testid="own-warning">
            <span className="message-icon" aria-hidden="true">
              ▲
            </span>
            <div>
              <strong>This is one of Lifeguard’s own sessions</strong> (its pool, its sampler, or
              another Lifeguard connecting as “lifeguard…”). Lifeguard refuses this unless you
              confirm it again.
              <label className="check own-ack">
                <input
                  type="checkbox"
                  checked={acknowledged}
                  onChange={(e) => setAcknowledged(e.target.checked)}
                  data-testid="own-ack"
                />
                Yes, {action === 'cancel' ? 'cancel the query of' : 'terminate'} Lifeguard’s own
                session {session.pid}
              </label>
            </div>
          </div>
        )}
      </div>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onCancel} autoFocus>
          Back
        </button>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="confirm-action"
          onClick={() => onConfirm(needsAck)}
          disabled={pending || (needsAck && !acknowledged)}
          aria-busy={pending}
        >
          {pending && <Spinner />}
          {label}
        </button>
      </div>
    </div>
  )
}
