/**
 * A profile's alerts that do not come from its server's sessions: 'breaker-open' (the circuit
 * breaker is open: operations fail fast) and 'queue-filling' (the write queue is above 80 % of its
 * size, issue 5). They join the session alerts in one list (`mergeAlerts`): `alerts:changed`,
 * `sessions:get` and the exports all carry the merged list.
 *
 * How a part of Lifeguard raises one: `ProfileSession.setProfileAlert(kind, detail)` while the
 * condition lasts (calling it again updates the detail and lastSeen), and
 * `setProfileAlert(kind, null)` when it ends (the alert resolves and is kept, resolved, for an
 * hour). A later occurrence is a new alert `<kind>~n`. The message is built here from the detail's
 * numbers (profileAlertTexts), so callers pass figures, never text. Both kinds are critical.
 */
import type { Clock } from '../core/clock'
import { compareAlerts, copyAlert, emptyChanges } from './alert-list'
import type { AlertChanges, AlertDetail, SessionAlert } from './alert-types'

export type ProfileAlertKind = 'breaker-open' | 'queue-filling'

/** The detail of a profile alert of kind K, without its `kind` field. */
export type ProfileAlertDetail<K extends ProfileAlertKind> = Omit<
  Extract<AlertDetail, { kind: K }>,
  'kind'
>

export const profileAlertKinds: readonly ProfileAlertKind[] = ['breaker-open', 'queue-filling']

export const profileAlertTexts: {
  readonly [K in ProfileAlertKind]: (detail: ProfileAlertDetail<K>) => string
} = {
  'breaker-open': (d) =>
    `the circuit breaker is open: operations fail fast${d.retryAfterMs === null ? '' : ` (next attempt in ${Math.ceil(d.retryAfterMs / 1000)} s)`}`,
  'queue-filling': (d) =>
    `the write queue holds ${d.depth} of ${d.maxQueueSize} operations (${Math.round(d.ratio * 100)} %)`,
}

/** Resolved profile alerts are kept this long, and at most this many. */
export const RESOLVED_KEPT_MS = 60 * 60_000
export const RESOLVED_KEPT = 20

interface Tracked {
  alert: SessionAlert
  resolvedAtMs: number | null
}

export class ProfileAlerts {
  private readonly tracked = new Map<string, Tracked>()
  /** The latest alert id of each kind. */
  private readonly latest = new Map<ProfileAlertKind, string>()

  constructor(private readonly clock: Clock) {}

  /** Raise or update (detail) or resolve (null) the alert of `kind`. */
  set<K extends ProfileAlertKind>(kind: K, detail: ProfileAlertDetail<K> | null): AlertChanges {
    const changes = emptyChanges()
    const current = this.active(kind)
    const wall = this.clock.wallNow()
    if (detail === null) {
      if (current) {
        current.alert.resolvedAt = wall
        current.alert.lastSeen = wall
        current.resolvedAtMs = this.clock.now()
        changes.resolved.push(copyAlert(current.alert))
      }
      this.prune()
      return changes
    }
    const message = profileAlertTexts[kind](detail)
    if (current) {
      Object.assign(current.alert, detail, { message, lastSeen: wall })
      return changes
    }
    let id: string = kind
    for (let n = 2; this.tracked.has(id); n++) id = `${kind}~${n}`
    const alert = {
      id,
      key: kind,
      severity: 'critical',
      message,
      firstSeen: wall,
      lastSeen: wall,
      resolvedAt: null,
      kind,
      ...detail,
    } as unknown as SessionAlert
    this.tracked.set(id, { alert, resolvedAtMs: null })
    this.latest.set(kind, id)
    changes.raised.push(copyAlert(alert))
    this.prune()
    return changes
  }

  /** Forgets every alert of `kind`, open or resolved (the breaker is gone with a disconnect). */
  drop(kind: ProfileAlertKind): boolean {
    let dropped = false
    for (const [id, t] of this.tracked)
      if (t.alert.kind === kind) {
        this.tracked.delete(id)
        dropped = true
      }
    this.latest.delete(kind)
    return dropped
  }

  isActive(kind: ProfileAlertKind): boolean {
    return this.active(kind) !== undefined
  }

  list(): SessionAlert[] {
    this.prune()
    return [...this.tracked.values()].map((t) => copyAlert(t.alert))
  }

  private active(kind: ProfileAlertKind): Tracked | undefined {
    const id = this.latest.get(kind)
    const t = id === undefined ? undefined : this.tracked.get(id)
    return t && t.resolvedAtMs === null ? t : undefined
  }

  private prune(): void {
    const now = this.clock.now()
    const resolved = [...this.tracked.values()].filter((t) => t.resolvedAtMs !== null)
    resolved.sort((a, b) => (b.resolvedAtMs ?? 0) - (a.resolvedAtMs ?? 0))
    resolved.forEach((t, index) => {
      if (now - (t.resolvedAtMs ?? now) > RESOLVED_KEPT_MS || index >= RESOLVED_KEPT)
        this.tracked.delete(t.alert.id)
    })
  }
}

/** One profile's alert list: session alerts and profile alerts in the session list's order. */
export function mergeAlerts(
  sessionAlerts: readonly SessionAlert[],
  profileAlerts: readonly SessionAlert[],
): SessionAlert[] {
  if (profileAlerts.length === 0) return [...sessionAlerts]
  return [...sessionAlerts, ...profileAlerts].sort(compareAlerts)
}
