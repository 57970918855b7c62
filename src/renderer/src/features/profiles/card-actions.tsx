import type { ConnectionState } from '../../../../shared/domain'
import { Spinner } from '../../components/spinner'
import { holdsPool, isBusy } from '../../lib/connection-state'
import type { ProfileActions } from './use-profile-actions'

interface CardActionsProps {
  state: ConnectionState
  actions: ProfileActions
  onEdit(): void
  onDelete(): void
}

/** Connect or Disconnect (never both), then Test connection, Edit and Delete. */
export function CardActions({ state, actions, onEdit, onDelete }: CardActionsProps) {
  const { request, testing, askingPassword } = actions
  const busy = isBusy(state) || request !== null
  return (
    <div className="card-actions">
      {holdsPool(state) ? (
        <button
          type="button"
          className="btn"
          onClick={() => void actions.disconnect()}
          disabled={busy}
          aria-busy={busy}
        >
          {busy && <Spinner />}
          Disconnect
        </button>
      ) : (
        !askingPassword && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void actions.connect()}
            disabled={busy}
            aria-busy={busy}
          >
            {busy && <Spinner />}
            Connect
          </button>
        )
      )}
      <button
        type="button"
        className="btn"
        onClick={() => void actions.runTest()}
        disabled={testing}
        aria-busy={testing}
      >
        {testing && <Spinner />}
        Test connection
      </button>
      <span className="spacer" />
      <button type="button" className="btn btn-ghost" onClick={onEdit}>
        Edit
      </button>
      <button type="button" className="btn btn-ghost btn-danger-text" onClick={onDelete}>
        Delete
      </button>
    </div>
  )
}
