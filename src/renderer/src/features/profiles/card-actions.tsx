import type { ConnectionState } from '../../../../shared/domain'
import { Spinner } from '../../components/spinner'
import { holdsPool } from '../../lib/connection-state'
import { formatRoute, profileRoute } from '../../lib/route'
import type { ProfileActions } from './use-profile-actions'

interface CardActionsProps {
  profileId: string
  profileName: string
  state: ConnectionState
  /** Main runs a session for this profile (it retries while connecting or failed). */
  hasSession: boolean
  actions: ProfileActions
}

/**
 * Connect, or Disconnect (never both); a profile that is retrying offers Reconnect now and
 * Disconnect (stop retrying). Then Open: the profile's view (charts, control, every tab).
 */
export function CardActions(props: CardActionsProps) {
  const { profileId, profileName, state, hasSession, actions } = props
  const { request, askingPassword } = actions
  const connecting = request === 'connect' || (state === 'connecting' && !hasSession)
  const retrying = !connecting && hasSession && (state === 'connecting' || state === 'failed')
  const disconnecting = state === 'disconnecting' || request === 'disconnect'
  const busy = request !== null || state === 'disconnecting'
  return (
    <div className="card-actions">
      {retrying && (
        <button
          type="button"
          className="btn btn-small btn-primary"
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
          className="btn btn-small"
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
          className="btn btn-small btn-primary"
          onClick={() => void actions.connect()}
          disabled={busy || connecting}
          aria-busy={connecting}
        >
          {connecting && <Spinner />}
          Connect
        </button>
      )}
      <span className="spacer" />
      <a
        className="btn btn-small btn-ghost"
        href={formatRoute(profileRoute(profileId))}
        aria-label={`Open ${profileName}`}
      >
        Open <span aria-hidden="true">→</span>
      </a>
    </div>
  )
}
