import type { ConnectionState } from '../../../../shared/domain'
import { Spinner } from '../../components/spinner'
import { holdsPool } from '../../lib/connection-state'
import type { ProfileActions } from './use-profile-actions'

interface CardActionsProps {
  state: ConnectionState
  /** Main runs a session for this profile (it retries while connecting or failed). */
  hasSession: boolean
  actions: ProfileActions
  onEdit(): void
  onDelete(): void
}

/**
 * Connect, or Disconnect (never both); a profile that is retrying offers Reconnect now and
 * Disconnect (stop retrying). Then Test connection, Edit and Delete. (Health opens from the
 * card's health line.)
 */
export function CardActions({ state, hasSession, actions, onEdit, onDelete }: CardActionsProps) {
  const { request, testing, askingPassword } = actions
  const connecting = request === 'connect' || (state === 'connecting' && !hasSession)
  const retrying = !connecting && hasSession && (state === 'connecting' || state === 'failed')
  const disconnecting = state === 'disconnecting' || request === 'disconnect'
  const busy = request !== null || state === 'disconnecting'
  return (
    <div className="card-actions">
      {retrying && (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void actions.reconnectNow()}
          disabled={busy}
          aria-busy={request === 'reconnect'}
          title="Skip the wait and try to connect now"
        >
          {request === 'reconnect' && <Spinner />}
          Reconnect now
        </button>
      )}
      {!connecting && (holdsPool(state) || retrying) && (
        <button
          type="button"
          className="btn"
          onClick={() => void actions.disconnect()}
          disabled={busy}
          aria-busy={disconnecting}
          title={retrying ? 'Stop retrying and close the pool' : undefined}
        >
          {disconnecting && <Spinner />}
          Disconnect
        </button>
      )}
      {!askingPassword && (connecting || (!holdsPool(state) && !retrying)) && (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void actions.connect()}
          disabled={busy || connecting}
          aria-busy={connecting}
        >
          {connecting && <Spinner />}
          Connect
        </button>
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
