/**
 * The header's notification switch (browser mode): "Enable notifications" asks the browser's
 * permission from this click (never on its own); once granted it turns notifications on and off
 * for every profile (a preference main keeps). In the desktop shell main raises them itself.
 */
import { useState } from 'react'
import { useApi } from '../../api/transport-context'
import { selectors, useStore } from '../../stores/store'
import { setNotificationsEnabled } from '../alerts/mute-preferences'
import type { Permission } from './notification-policy'

function currentPermission(): Permission {
  return typeof Notification === 'undefined'
    ? 'unsupported'
    : (Notification.permission as Permission)
}

export function NotificationsButton() {
  const api = useApi()
  const shell = useStore(selectors.app.shell)
  const preferences = useStore(selectors.cockpit.preferences)
  const showToast = useStore((s) => s.showToast)
  const [permission, setPermission] = useState<Permission>(currentPermission)
  if (shell !== 'web' || permission === 'unsupported') return null

  if (permission === 'denied')
    return (
      <span
        className="header-note"
        data-testid="notifications-state"
        data-state="denied"
        title="The browser blocks notifications for this page: allow them in its site settings"
      >
        <span aria-hidden="true">⊘</span> Notifications blocked
      </span>
    )

  if (permission === 'default')
    return (
      <button
        type="button"
        className="btn btn-small"
        data-testid="notifications-enable"
        onClick={() => {
          void Notification.requestPermission().then((p) => setPermission(p as Permission))
        }}
        title="Critical alerts (leak, breaker open, idle in transaction, queue filling) as browser notifications"
      >
        Enable notifications
      </button>
    )

  const enabled = preferences?.notificationsEnabled ?? true
  return (
    <button
      type="button"
      className="btn btn-small btn-ghost"
      data-testid="notifications-state"
      data-state={enabled ? 'on' : 'off'}
      aria-pressed={enabled}
      disabled={!preferences}
      title={
        preferences
          ? 'Turn notifications for critical alerts on or off (per-profile mutes are in each profile)'
          : 'Preferences are not available yet'
      }
      onClick={() => {
        void setNotificationsEnabled(api, !enabled, useStore.getState()).then((error) => {
          if (error) showToast('error', `Could not change notifications: ${error.message}`)
        })
      }}
    >
      <span aria-hidden="true">{enabled ? '●' : '○'}</span> Notifications {enabled ? 'on' : 'off'}
    </button>
  )
}
