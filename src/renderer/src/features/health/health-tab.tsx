/**
 * The Health tab: the retry timeline (chart and table), the breaker and the checker's figures,
 * with Reconnect now and Reset backoff. On open it loads main's timeline, then follows events.
 */
import { useId, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { selectors, useStore } from '../../stores/store'
import { runHealthCommand, type HealthCommand } from './health-commands'
import { HealthPanel } from './health-panel'
import { useHealthTimeline } from './use-health-timeline'

export function HealthTab({ profile }: { profile: ProfileSummary }) {
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
    <HealthPanel
      titleId={`${id}-title`}
      headingLevel={3}
      profile={profile}
      status={status}
      attempts={attempts}
      load={load}
      pending={pending}
      error={error}
      onCommand={(command) => void onCommand(command)}
    />
  )
}
