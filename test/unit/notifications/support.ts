/** Alerts and a notifier with recorded notifications and badge counts. */
import type { AppPreferences } from '../../../src/shared/cockpit'
import type { SessionAlert } from '../../../src/shared/sessions'
import {
  AlertNotifier,
  type DesktopNotification,
} from '../../../src/main/notifications/alert-notifier'

/** The severity the engine raises each kind with first (a leak is critical from the start). */
const raisedAs: Record<SessionAlert['kind'], SessionAlert['severity']> = {
  leak: 'critical',
  'breaker-open': 'critical',
  'idle-in-transaction': 'warning',
  'queue-filling': 'warning',
  'long-query': 'warning',
  connections: 'warning',
  blocked: 'warning',
}

export function alert(
  id: string,
  kind: SessionAlert['kind'],
  severity: SessionAlert['severity'] = raisedAs[kind],
  resolvedAt: number | null = null,
): SessionAlert {
  return {
    id,
    key: id,
    kind,
    severity,
    message: `${kind} ${id} message`,
    firstSeen: 1,
    lastSeen: 2,
    resolvedAt,
  } as unknown as SessionAlert
}

export function notifier(platform: NodeJS.Platform = 'darwin') {
  const prefs: AppPreferences = {
    mutedProfileIds: [],
    notificationsEnabled: true,
    historySink: { profileId: null, intervalMs: 10_000 },
  }
  const shown: DesktopNotification[] = []
  const badges: number[] = []
  const names: Record<string, string> = { p1: 'Production', p2: 'Staging' }
  const n = new AlertNotifier({
    preferences: () => prefs,
    profileName: (id) => names[id],
    notify: (x) => shown.push(x),
    setBadge: (count) => badges.push(count),
    platform,
  })
  return { n, prefs, shown, badges, names }
}
