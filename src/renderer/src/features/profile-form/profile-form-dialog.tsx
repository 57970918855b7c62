import { useId, useMemo } from 'react'
import { ModalDialog } from '../../components/modal-dialog'
import { groupNames } from '../../lib/profile-groups'
import { selectors, useStore } from '../../stores/store'
import type { FormState } from '../../stores/slices/ui-slice'
import { ProfileForm } from './profile-form'

/** The add / edit dialog; which one (and for which profile) is the ui slice's call. */
export function ProfileFormDialog({ form }: { form: Exclude<FormState, { mode: 'closed' }> }) {
  const profileId = form.mode === 'edit' ? form.profileId : ''
  const profile = useStore(selectors.profiles.byId(profileId))
  const profiles = useStore(selectors.profiles.profiles)
  const secretStorage = useStore(selectors.app.secretStorage)
  const close = useStore((s) => s.closeForm)
  const groups = useMemo(() => groupNames(profiles), [profiles])
  const titleId = useId()
  return (
    <ModalDialog labelledBy={titleId} onCancel={close} className="modal-form">
      <ProfileForm
        key={profileId}
        titleId={titleId}
        profile={form.mode === 'edit' ? profile : undefined}
        groups={groups}
        secretStorage={secretStorage}
        onClose={close}
      />
    </ModalDialog>
  )
}
