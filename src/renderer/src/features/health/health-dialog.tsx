/**
 * A profile's health view, as a modal: state and level, the countdown to the next attempt, the
 * breaker, the retry timeline as a chart and as a table (newest first), and the two commands main
 * offers: Reconnect now and Reset backoff. On open it loads main's timeline, then follows events.
 */
import { useId, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ModalDialog } from '../../components/modal-dialog'
import { selectors, useStore } from '../../stores/store'
import { runHealthCommand, type HealthCommand } from './health-commands'
import { HealthPanel } from './health-panel'
import { useHealthTimeline } from './use-health-timeline'

export function HealthDialog({ profileId }: { profileId: string }) {
  const profile = useStore(selectors.profiles.byId(profileId))
  const close = useStore((s) => s.closeHealth)
  if (!profile) return null
  return <ConnectedHealthPanel profile={profile} onClose={close} />
}

function ConnectedHealthPanel({ profile, onClose }: { profile: ProfileSummary; onClose(): void }) {
  const api = useApi()
  const id = useId()
  const status = useStore(selectors.statuses.status(profile.id))
  const attempts = useStore(selectors.health.attempts(profile.id))
  const load = useHealthTimeline(profile.id)
  const [pending, setPending] = useState<HealthCommand | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)

  const onCommand = async (command: HealthCommand) => {
    setPending(command)
    setError(null)
    setError(await runHealthCommand(api, profile.id, command, useStore.getState()))
    setPending(null)
  }

  return (
    <ModalDialog className="modal-wide" labelledBy={`${id}-title`} onCancel={onClose}>
      <HealthPanel
        titleId={`${id}-title`}
        profile={profile}
        status={status}
        attempts={attempts}
        load={load}
        pending={pending}
        error={error}
        onCommand={(command) => void onCommand(command)}
      />
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </ModalDialog>
  )
}
