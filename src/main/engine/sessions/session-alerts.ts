/**
 * One profile's alert list. Each alert lives through:
 *
 *   (pending: a lock wait seen for less than blockedAfterMs)
 *     -> active (firstSeen; lastSeen and severity follow each sample)
 *     -> resolved (the condition is absent from a successful sample, or the leak ended)
 *     -> reopened, if the condition comes back within reopenWithinMs (flap guard), else a new
 *        alert `<key>~n` -> dropped after resolvedRetentionMs, or when more than
 *        maxResolvedAlerts are kept.
 *
 * Session conditions come from samples (alert-conditions.ts); leaks come from the pool's `leak`,
 * `leak-resolved` and `removed` events and are matched to their server session by backend pid at
 * each sample, so one alert shows both the holder and the server's view. A failed sample is no
 * evidence: nothing resolves until a sample succeeds. Retention runs on the monotonic clock;
 * firstSeen / lastSeen / resolvedAt are wall-clock times for display.
 */
import type { Clock } from '../core/clock'
import {
  connectionsCondition,
  leakCondition,
  leakMessage,
  sessionConditions,
  type Condition,
} from './alert-conditions'
import { compareAlerts, copyAlert, emptyChanges } from './alert-list'
import {
  sessionView,
  type AlertChanges,
  type AlertSessionView,
  type AlertSeverity,
  type LeakServerMatch,
  type LeakEnded,
  type LeakReport,
  type SessionAlert,
} from './alert-types'
import { sessionsByPid } from './sessions-by-pid'
import type { SessionSettings } from './session-settings'
import type { ServerSession, SessionSnapshot } from './session-types'

interface Tracked {
  alert: SessionAlert
  /** Monotonic time of resolution, for retention and reopening. */
  resolvedAtMs: number | null
}

interface LeakClock {
  /** Monotonic time of the leak report and the hold time it carried. */
  reportedAtMs: number
  reportedHeldMs: number
}

export class SessionAlerts {
  private readonly tracked = new Map<string, Tracked>()
  /** The latest alert of each condition key. */
  private readonly byKey = new Map<string, string>()
  /** Lock waits seen but not yet long enough: key -> monotonic time first seen. */
  private readonly pending = new Map<string, number>()
  private readonly leakClocks = new Map<string, LeakClock>()
  private sessionsByPid: ReadonlyMap<number, ServerSession> = new Map()
  private sampled = false
  private dropped = 0

  constructor(
    private readonly settings: SessionSettings,
    private readonly clock: Clock,
  ) {}

  /** Conditions left unlisted at the last update because maxActiveAlerts were already active. */
  get overflow(): number {
    return this.dropped
  }

  /** Active alerts first (critical, then oldest), then resolved ones (latest first). Copies. */
  list(): SessionAlert[] {
    this.prune()
    const all = [...this.tracked.values()].map((t) => t.alert)
    return all.sort(compareAlerts).map(copyAlert)
  }

  get(id: string): SessionAlert | undefined {
    const t = this.tracked.get(id)
    return t ? copyAlert(t.alert) : undefined
  }

  /** A successful sample: raise, update and resolve the session and connection alerts. */
  observe(snapshot: SessionSnapshot): AlertChanges {
    const changes = emptyChanges()
    const now = this.clock.now()
    this.sampled = true
    this.sessionsByPid = sessionsByPid(snapshot)
    const conditions = sessionConditions(snapshot, this.settings)
    const usage = connectionsCondition(snapshot, this.activeSeverity('connections'), this.settings)
    if (usage) conditions.push(usage)
    const present = new Set(conditions.map((c) => c.key))
    // Resolve first, so the room ended conditions free is there for new ones.
    for (const t of this.tracked.values()) {
      const a = t.alert
      if (a.resolvedAt !== null) continue
      if (a.kind === 'leak') this.refreshLeak(t)
      else if (!present.has(a.key)) this.resolve(t, changes)
    }
    for (const key of [...this.pending.keys()]) if (!present.has(key)) this.pending.delete(key)
    this.dropped = 0
    for (const condition of conditions) {
      let since = now
      if (condition.raiseAfterMs > 0) {
        since = this.pending.get(condition.key) ?? now
        this.pending.set(condition.key, since)
        if (now - since < condition.raiseAfterMs && !this.isActive(condition.key)) continue
      }
      this.apply(condition, changes, since)
    }
    this.prune()
    return changes
  }

  /** The pool's `leak` event: the holder's side now, the server's side at once if sampled. */
  leakDetected(report: LeakReport): AlertChanges {
    const changes = emptyChanges()
    const leak = {
      connectionId: report.connectionId,
      backendPid: report.backendPid ?? null,
      holder: report.holder ?? null,
      site: report.site,
      heldMs: report.heldMs,
    }
    const t = this.apply(leakCondition(leak, this.serverSideOf(leak.backendPid)), changes)
    if (t)
      this.leakClocks.set(t.alert.id, {
        reportedAtMs: this.clock.now(),
        reportedHeldMs: report.heldMs,
      })
    return changes
  }

  /** The pool's `leak-resolved` event: the holder gave the connection back. */
  leakResolved(ended: LeakEnded): AlertChanges {
    return this.endLeak(ended.connectionId, ended.heldMs)
  }

  /**
   * The pool's `removed` event: a connection removed while held (broken, terminated, shut down)
   * is never released, so no `leak-resolved` follows; its leak ends here.
   */
  connectionRemoved(connectionId: number): AlertChanges {
    return this.endLeak(connectionId, undefined)
  }

  private endLeak(connectionId: number, heldMs: number | undefined): AlertChanges {
    const changes = emptyChanges()
    const t = this.activeByKey(`leak:${connectionId}`)
    if (!t || t.alert.kind !== 'leak') return changes
    this.refreshLeak(t)
    if (heldMs !== undefined) {
      t.alert.leak.heldMs = heldMs
      t.alert.message = leakMessage(t.alert.leak)
    }
    this.resolve(t, changes)
    return changes
  }

  /** `since`: when the condition was first seen (monotonic), for a condition raised late. */
  private apply(
    condition: Condition,
    changes: AlertChanges,
    since = this.clock.now(),
  ): Tracked | undefined {
    const now = this.clock.now()
    const wall = this.clock.wallNow()
    const existing = this.latestByKey(condition.key)
    if (existing && existing.alert.resolvedAt === null) {
      const before = existing.alert.severity
      existing.alert = { ...existing.alert, ...condition.detail, ...this.base(condition) }
      existing.alert.lastSeen = wall
      if (before !== condition.severity) changes.severityChanged.push(copyAlert(existing.alert))
      return existing
    }
    if (this.activeCount() >= this.settings.maxActiveAlerts) {
      this.dropped++
      return undefined
    }
    if (
      existing &&
      existing.resolvedAtMs !== null &&
      now - existing.resolvedAtMs <= this.settings.reopenWithinMs
    ) {
      existing.alert = { ...existing.alert, ...condition.detail, ...this.base(condition) }
      existing.alert.lastSeen = wall
      existing.alert.resolvedAt = null
      existing.resolvedAtMs = null
      changes.raised.push(copyAlert(existing.alert))
      return existing
    }
    let id = condition.key
    for (let n = 2; this.tracked.has(id); n++) id = `${condition.key}~${n}`
    const alert = {
      id,
      key: condition.key,
      severity: condition.severity,
      message: condition.message,
      firstSeen: wall - (now - since),
      lastSeen: wall,
      resolvedAt: null,
      ...condition.detail,
    } as SessionAlert
    const t: Tracked = { alert, resolvedAtMs: null }
    this.tracked.set(id, t)
    this.byKey.set(condition.key, id)
    changes.raised.push(copyAlert(alert))
    return t
  }

  private base(c: Condition): Pick<SessionAlert, 'severity' | 'message'> {
    return { severity: c.severity, message: c.message }
  }

  /** The holder's time so far and the server's view of the leaked connection's session. */
  private refreshLeak(t: Tracked): void {
    const a = t.alert
    if (a.kind !== 'leak' || a.resolvedAt !== null) return
    const clock = this.leakClocks.get(a.id)
    if (clock) a.leak.heldMs = clock.reportedHeldMs + (this.clock.now() - clock.reportedAtMs)
    a.message = leakMessage(a.leak)
    a.lastSeen = this.clock.wallNow()
    Object.assign(a, this.serverSideOf(a.leak.backendPid))
  }

  /** A leaked connection's server session in the latest sample, and how it was found. */
  private serverSideOf(pid: number | null): {
    session: AlertSessionView | null
    serverMatch: LeakServerMatch
  } {
    if (pid === null) return { session: null, serverMatch: 'no-pid' }
    if (!this.sampled) return { session: null, serverMatch: 'not-sampled' }
    const session = this.sessionsByPid.get(pid)
    return session
      ? { session: sessionView(session), serverMatch: 'matched' }
      : { session: null, serverMatch: 'gone' }
  }

  private resolve(t: Tracked, changes: AlertChanges): void {
    t.alert.resolvedAt = this.clock.wallNow()
    t.resolvedAtMs = this.clock.now()
    this.leakClocks.delete(t.alert.id)
    changes.resolved.push(copyAlert(t.alert))
  }

  private prune(): void {
    const now = this.clock.now()
    const resolved = [...this.tracked.values()].filter((t) => t.resolvedAtMs !== null)
    resolved.sort((a, b) => (b.resolvedAtMs ?? 0) - (a.resolvedAtMs ?? 0))
    resolved.forEach((t, index) => {
      const age = now - (t.resolvedAtMs ?? now)
      if (age > this.settings.resolvedRetentionMs || index >= this.settings.maxResolvedAlerts)
        this.forget(t)
    })
  }

  private forget(t: Tracked): void {
    this.tracked.delete(t.alert.id)
    if (this.byKey.get(t.alert.key) === t.alert.id) this.byKey.delete(t.alert.key)
  }

  private latestByKey(key: string): Tracked | undefined {
    const id = this.byKey.get(key)
    return id === undefined ? undefined : this.tracked.get(id)
  }

  private activeByKey(key: string): Tracked | undefined {
    const t = this.latestByKey(key)
    return t && t.alert.resolvedAt === null ? t : undefined
  }

  private isActive(key: string): boolean {
    return this.activeByKey(key) !== undefined
  }

  private activeSeverity(key: string): AlertSeverity | null {
    return this.activeByKey(key)?.alert.severity ?? null
  }

  private activeCount(): number {
    let n = 0
    for (const t of this.tracked.values()) if (t.alert.resolvedAt === null) n++
    return n
  }
}
