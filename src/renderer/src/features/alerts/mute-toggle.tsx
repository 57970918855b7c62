/**
 * "Mute notifications" for one profile: stored by main (so every window and both shells agree);
 * the badge still counts a muted profile's alerts. Unavailable, with the reason, until main
 * offers the preferences.
 */
import { useId, useState } from 'react'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { selectors, useStore } from '../../stores/store'
import { setMuted } from './mute-preferences'

export function MuteToggle({ profileId }: { profileId: string }) {
  const api = useApi()
  const id = useId()
  const preferences = useStore(selectors.cockpit.preferences)
  const loadError = useStore(selectors.cockpit.preferencesError)
  const muted = useStore(selectors.cockpit.muted(profileId))
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)

  const change = async (next: boolean) => {
    if (!preferences) return
    setPending(true)
    setError(null)
    setError(await setMuted(api, preferences, profileId, next, useStore.getState()))
    setPending(false)
  }

  return (
    <div className="check-field mute-toggle" data-testid="mute-toggle">
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={muted}
          disabled={!preferences || pending}
          onChange={(e) => void change(e.target.checked)}
          aria-describedby={`${id}-note`}
        />
        Mute notifications for this profile
      </label>
      <div id={`${id}-note`} className="field-help">
        {preferences
          ? preferences.notificationsEnabled
            ? 'Critical alerts (leak, breaker open, idle in transaction, queue filling) raise a notification unless muted. The badge counts them either way.'
            : 'Notifications are turned off for every profile (header). The badge still counts alerts.'
          : loadError
            ? `Unavailable: ${loadError.message}`
            : 'Loading preferences…'}
      </div>
      {error && <ErrorMessage error={error} testId="mute-error" />}
    </div>
  )
}
