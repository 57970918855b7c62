/**
 * Raises browser notifications for newly raised critical alerts (browser mode), following the
 * store outside React: every profile whose alert list changed is checked by the policy. Clicking
 * a notification focuses the page and opens the profile's Alerts tab.
 */
import type { LifeguardStore } from '../../stores/store'
import { alertKindLabels } from '../../lib/session-labels'
import { formatRoute, profileRoute } from '../../lib/route'
import {
  alertsToNotify,
  notificationText,
  NotifyMemory,
  type NotifyContext,
  type Permission,
} from './notification-policy'

export interface NotificationSink {
  permission(): Permission
  show(title: string, options: { body: string; tag: string }, onClick: () => void): void
}

export const browserNotifications: NotificationSink = {
  permission: () =>
    typeof Notification === 'undefined' ? 'unsupported' : (Notification.permission as Permission),
  show: (title, options, onClick) => {
    const n = new Notification(title, options)
    n.onclick = () => {
      window.focus()
      onClick()
      n.close()
    }
  },
}

export function startNotifier(
  store: Pick<LifeguardStore, 'getState' | 'subscribe'>,
  sink: NotificationSink,
  navigateTo: (hash: string) => void = (hash) => (window.location.hash = hash),
): () => void {
  const memory = new NotifyMemory()
  const startedAt = store.getState().wallNow()
  return store.subscribe((state, previous) => {
    if (state.alerts === previous.alerts) return
    const ctx: NotifyContext = {
      shell: state.appInfo?.shell,
      permission: sink.permission(),
      preferences: state.preferences,
      startedAt,
    }
    for (const [profileId, alerts] of Object.entries(state.alerts)) {
      if (alerts === previous.alerts[profileId]) continue
      const name = state.profilesById.get(profileId)?.name ?? profileId
      for (const alert of alertsToNotify(profileId, alerts, ctx, memory)) {
        const text = notificationText(profileId, name, alert, alertKindLabels[alert.kind])
        try {
          sink.show(text.title, { body: text.body, tag: text.tag }, () =>
            navigateTo(formatRoute(profileRoute(profileId, 'alerts'))),
          )
        } catch (error) {
          console.error('Lifeguard: could not show a notification', error)
        }
      }
    }
  })
}
