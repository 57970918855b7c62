import { useId, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { ModalDialog } from '../../components/modal-dialog'
import { Spinner } from '../../components/spinner'
import { connectionTarget } from '../../lib/format'
import { selectors, useStore } from '../../stores/store'

/** Asks before deleting, naming the profile. */
export function DeleteDialog({ profileId }: { profileId: string }) {
  const profile = useStore(selectors.profiles.byId(profileId))
  const close = useStore((s) => s.closeDeleteDialog)
  if (!profile) return null
  return <ConfirmDelete profile={profile} onClose={close} />
}

function ConfirmDelete({ profile, onClose }: { profile: ProfileSummary; onClose(): void }) {
  const api = useApi()
  const id = useId()
  const [deleting, setDeleting] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)

  const remove = async () => {
    setDeleting(true)
    setError(null)
    const result = await api.deleteProfile({ id: profile.id })
    setDeleting(false)
    if (result.ok) onClose()
    else setError(result.error)
  }

  return (
    <ModalDialog
      role="alertdialog"
      className="modal-small"
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      onCancel={onClose}
    >
      <h2 id={`${id}-title`} className="modal-title">
        Delete profile “{profile.name}”?
      </h2>
      <div id={`${id}-body`} className="modal-body">
        <p>
          <span className="mono">{connectionTarget(profile)}</span>
        </p>
        <p>Its pool is closed first. The saved profile is removed; this cannot be undone.</p>
      </div>
      {error && <ErrorMessage error={error} testId="delete-error" />}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void remove()}
          disabled={deleting}
          aria-busy={deleting}
        >
          {deleting && <Spinner />}
          Delete
        </button>
      </div>
    </ModalDialog>
  )
}
