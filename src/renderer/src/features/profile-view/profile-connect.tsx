/**
 * Connect / Disconnect on the profile view, with the password prompt when main has no password
 * (also opened when the command palette's Connect found one missing).
 */
import type { ProfileSummary } from '../../../../shared/domain'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { holdsPool } from '../../lib/connection-state'
import { selectors, useStore } from '../../stores/store'
import { PasswordPrompt } from '../profiles/password-prompt'
import { useProfileActions } from '../profiles/use-profile-actions'

export function ProfileConnect({ profile }: { profile: ProfileSummary }) {
  const status = useStore(selectors.statuses.status(profile.id))
  const secretStorage = useStore(selectors.app.secretStorage)
  const asked = useStore(selectors.ui.passwordPromptId) === profile.id
  const askPassword = useStore((s) => s.askPassword)
  const actions = useProfileActions(profile.id)
  const state = status?.state ?? 'disconnected'
  const hasSession = status?.health != null
  const prompt = (actions.askingPassword || asked) && state !== 'connected'
  const busy = actions.request !== null || state === 'disconnecting'
  const connected = holdsPool(state) || hasSession
  return (
    <div className="profile-connect">
      {connected ? (
        <button
          type="button"
          className="btn"
          onClick={() => void actions.disconnect()}
          disabled={busy}
          aria-busy={actions.request === 'disconnect'}
        >
          {actions.request === 'disconnect' && <Spinner />}
          Disconnect
        </button>
      ) : (
        !prompt && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void actions.connect()}
            disabled={busy || state === 'connecting'}
            aria-busy={actions.request === 'connect'}
          >
            {actions.request === 'connect' && <Spinner />}
            Connect
          </button>
        )
      )}
      {actions.error && <ErrorMessage error={actions.error} testId="profile-connect-error" />}
      {prompt && (
        <PasswordPrompt
          user={profile.user}
          pending={actions.request === 'connect'}
          secretStorage={secretStorage}
          onSubmit={(password, remember) => {
            askPassword(null)
            void actions.connect(password, remember)
          }}
          onCancel={() => {
            askPassword(null)
            actions.cancelPassword()
          }}
        />
      )}
    </div>
  )
}
