/**
 * Desktop notifications for critical alerts (issue 8 item 4), as pure logic the desktop shell
 * wires to Electron (src/main/index.ts): which alerts notify, once per alert id, and the badge
 * count. Browser mode's notifications are the renderer's.
 *
 * An alert notifies when it is open and critical by the one rule both shells share
 * (src/shared/alert-criticality.ts: a leak, an open circuit breaker, a session idle in a
 * transaction, a filling write queue, and a long query or the server's connections once they
 * reach 'critical'). Each alert id notifies once, the first time it is seen
 * that way (a later severity change or reopening within the flap guard does not notify again);
 * not at all while notifications are disabled or the profile is muted (preferences). The badge
 * counts every open critical alert of every profile, muted ones included.
 */
import { isCriticalAlert } from '../../shared/alert-criticality'
import type { AppPreferences } from '../../shared/cockpit'
import type { AlertsChanged } from '../../shared/sessions'
import { notificationBody, notificationTitle } from './notification-text'

export interface DesktopNotification {
  profileId: string
  alertId: string
  title: string
  body: string
}

export interface NotifierDeps {
  preferences(): AppPreferences
  /** The profile's name, or undefined when it is gone. */
  profileName(profileId: string): string | undefined
  notify(notification: DesktopNotification): void
  setBadge(count: number): void
  /** Where the text is shown (Linux notification servers may read markup). */
  platform?: NodeJS.Platform
}

export class AlertNotifier {
  /** Per profile: critical alert ids already seen (notified, or seen while muted or disabled). */
  private readonly seen = new Map<string, Set<string>>()
  /** Per profile: open critical alerts now. */
  private readonly open = new Map<string, number>()
  private badge = 0

  constructor(private readonly deps: NotifierDeps) {}

  get badgeCount(): number {
    return this.badge
  }

  /** Each `alerts:changed`: the profile's whole alert list. */
  alertsChanged({ profileId, alerts }: AlertsChanged): void {
    const critical = alerts.filter(isCriticalAlert)
    const before = this.seen.get(profileId) ?? new Set<string>()
    // Ids no longer listed are forgotten, so the set stays as small as the alert list.
    const now = new Set(critical.map((a) => a.id))
    const fresh = critical.filter((a) => !before.has(a.id))
    for (const id of before) if (alerts.some((a) => a.id === id)) now.add(id)
    this.seen.set(profileId, now)
    this.open.set(profileId, critical.length)
    if (fresh.length > 0 && this.allowed(profileId)) {
      const name = this.deps.profileName(profileId)
      if (name !== undefined)
        for (const alert of fresh)
          this.deps.notify({
            profileId,
            alertId: alert.id,
            title: notificationTitle(name, alert.kind),
            body: notificationBody(alert.message, this.deps.platform ?? process.platform),
          })
    }
    this.updateBadge()
  }

  /** Profiles that exist now (`profiles:changed`): a deleted one's alerts leave the badge. */
  keepProfiles(ids: readonly string[]): void {
    const keep = new Set(ids)
    for (const id of [...this.open.keys()])
      if (!keep.has(id)) {
        this.open.delete(id)
        this.seen.delete(id)
      }
    this.updateBadge()
  }

  private allowed(profileId: string): boolean {
    const prefs = this.deps.preferences()
    return prefs.notificationsEnabled && !prefs.mutedProfileIds.includes(profileId)
  }

  private updateBadge(): void {
    let count = 0
    for (const n of this.open.values()) count += n
    if (count === this.badge) return
    this.badge = count
    this.deps.setBadge(count)
  }
}
