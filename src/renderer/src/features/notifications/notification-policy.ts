/**
 * Which alerts raise a browser notification, as a pure decision: a critical alert newly raised
 * (or newly turned critical) while this page watches, once per alert id, in browser mode only
 * (the desktop shell's main raises its own), with permission granted, notifications enabled and
 * the profile not muted. Alerts already open when the page loaded are counted, not announced.
 * Critical as the desktop notifier means it (src/shared/alert-criticality.ts): a leak, an open
 * breaker, idle in transaction and a filling queue whatever their severity.
 */
import { isCriticalAlert } from '../../../../shared/alert-criticality'
import type { AppPreferences } from '../../../../shared/cockpit'
import type { Shell } from '../../../../shared/domain'
import type { SessionAlert } from '../../../../shared/sessions'

export type Permission = 'default' | 'granted' | 'denied' | 'unsupported'

export interface NotifyContext {
  shell: Shell | undefined
  permission: Permission
  /** null until main sent them: notifications count as enabled, nobody muted. */
  preferences: AppPreferences | null
  /** Wall ms when this page started watching. */
  startedAt: number
}

/** What the page remembers between decisions (bounded). */
export class NotifyMemory {
  readonly #notified = new Set<string>()
  readonly #seenWarning = new Set<string>()
  constructor(readonly capacity = 2_000) {}

  notified(id: string): boolean {
    return this.#notified.has(id)
  }

  seenAsWarning(id: string): boolean {
    return this.#seenWarning.has(id)
  }

  markNotified(id: string): void {
    add(this.#notified, id, this.capacity)
  }

  markWarning(id: string): void {
    add(this.#seenWarning, id, this.capacity)
  }
}

function add(set: Set<string>, id: string, capacity: number): void {
  set.add(id)
  if (set.size <= capacity) return
  const oldest = set.values().next().value
  if (oldest !== undefined) set.delete(oldest)
}

export function notificationsAllowed(ctx: NotifyContext, profileId: string): boolean {
  if (ctx.shell !== 'web' || ctx.permission !== 'granted') return false
  if (ctx.preferences && !ctx.preferences.notificationsEnabled) return false
  return !(ctx.preferences?.mutedProfileIds.includes(profileId) ?? false)
}

/**
 * The alerts of one profile's new list that deserve a notification now. Every open critical
 * alert is remembered whether announced or not, so none is announced twice (or late, after a
 * mute is lifted).
 */
export function alertsToNotify(
  profileId: string,
  alerts: readonly SessionAlert[],
  ctx: NotifyContext,
  memory: NotifyMemory,
): SessionAlert[] {
  const allowed = notificationsAllowed(ctx, profileId)
  const out: SessionAlert[] = []
  for (const alert of alerts) {
    if (alert.resolvedAt !== null) continue
    // Alert ids are per profile ("leak:1" on two profiles): remembered with the profile's id.
    const key = `${profileId}\u0000${alert.id}`
    if (!isCriticalAlert(alert)) {
      memory.markWarning(key)
      continue
    }
    if (memory.notified(key)) continue
    const fresh = alert.firstSeen >= ctx.startedAt || memory.seenAsWarning(key)
    memory.markNotified(key)
    if (fresh && allowed) out.push(alert)
  }
  return out
}

/**
 * The notification's words: the profile, the kind of alert and its message. The tag names the
 * profile too: alert ids are per profile ("leak:1" on two profiles), and a notification with the
 * tag of another replaces it.
 */
export function notificationText(
  profileId: string,
  profileName: string,
  alert: SessionAlert,
  kindLabel: string,
): { title: string; body: string; tag: string } {
  return {
    title: `‼ ${profileName}: ${kindLabel}`,
    body: alert.message,
    tag: `lifeguard-${profileId}-${alert.id}`,
  }
}

/** "(3) Lifeguard" while critical alerts are open, "Lifeguard" otherwise. */
export function pageTitle(critical: number, base = 'Lifeguard'): string {
  return critical > 0 ? `(${critical}) ${base}` : base
}
