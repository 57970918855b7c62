/** Shut down a profile's pool, after a confirmation naming how many connections it ends. */
import { useId, useState } from 'react'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { ModalDialog } from '../../components/modal-dialog'
import { Spinner } from '../../components/spinner'
import { selectors, useStore } from '../../stores/store'
import { runShutdown } from './control-commands'
import { shutdownConfirmation, shutdownDoneText } from './shutdown-text'

export function ShutdownDialog({ profileId }: { profileId: string }) {
  const profile = useStore(selectors.profiles.byId(profileId))
  const status = useStore(selectors.statuses.status(profileId))
  const close = useStore((s) => s.closeShutdown)
  const showToast = useStore((s) => s.showToast)
  const api = useApi()
  const id = useId()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  if (!profile) return null
  const text = shutdownConfirmation(profile.name, status?.pool ?? null)

  const confirm = async () => {
    setPending(true)
    setError(null)
    const result = await runShutdown(api, profileId, useStore.getState())
    setPending(false)
    if (!result.ok) {
      setError(result.error)
      return
    }
    showToast('ok', shutdownDoneText(profile.name, result.data))
    close()
  }

  return (
    <ModalDialog
      role="alertdialog"
      className="modal-small"
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      onCancel={close}
    >
      <div data-testid="shutdown-dialog">
        <h2 id={`${id}-title`} className="modal-title">
          {text.title}
        </h2>
        <div id={`${id}-body`} className="modal-body" data-testid="shutdown-text">
          {text.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        {error && <ErrorMessage error={error} testId="shutdown-error" />}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={close} autoFocus>
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
            Shut down
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
