/**
 * One profile's alert list as the contract carries it: its server sessions' alerts (the
 * SessionObserver's) merged with its own (sessions/profile-alerts.ts: 'breaker-open', which
 * follows the circuit breaker here, and 'queue-filling', which the write queue sets). Every change
 * is recorded as an engine event and pushed with the whole merged list.
 */
import type { HealthView } from '../../../shared/domain'
import type { AlertChanges, SessionAlert } from '../../../shared/sessions'
import type { Clock } from '../core/clock'
import { recordAlertChanges, type RecordEvent } from '../events/profile-event-recorder'
import {
  mergeAlerts,
  ProfileAlerts,
  type ProfileAlertDetail,
  type ProfileAlertKind,
} from '../sessions/profile-alerts'

export interface AlertFeedDeps {
  clock: Clock
  record: RecordEvent
  /** The session alerts now (empty while not sampling). */
  sessionAlerts(): SessionAlert[]
  onAlerts?(alerts: SessionAlert[], changes: AlertChanges): void
}

function changed(changes: AlertChanges): boolean {
  return changes.raised.length + changes.resolved.length + changes.severityChanged.length > 0
}

export class ProfileAlertFeed {
  private readonly own: ProfileAlerts

  constructor(private readonly deps: AlertFeedDeps) {
    this.own = new ProfileAlerts(deps.clock)
  }

  list(): SessionAlert[] {
    return mergeAlerts(this.deps.sessionAlerts(), this.own.list())
  }

  /** What a sample or leak event changed in the session alerts. */
  changed(changes: AlertChanges): void {
    if (!changed(changes)) return
    recordAlertChanges(this.deps.record, changes)
    this.deps.onAlerts?.(this.list(), changes)
  }

  set<K extends ProfileAlertKind>(kind: K, detail: ProfileAlertDetail<K> | null): void {
    this.changed(this.own.set(kind, detail))
  }

  /** The breaker-open alert follows the breaker: open (or half-open) raises it, closed resolves it. */
  followBreaker(view: HealthView | null): void {
    if (view && view.breaker !== 'closed') {
      const wall = this.deps.clock.wallNow()
      this.set('breaker-open', {
        unreachableSince: view.unreachableSince ?? wall,
        retryAfterMs: view.nextAttemptAt === null ? null : Math.max(0, view.nextAttemptAt - wall),
      })
    } else if (this.own.isActive('breaker-open')) this.set('breaker-open', null)
  }

  /** A disconnect: the breaker goes with its checker (the write queue's alert stays); push the list. */
  disconnected(): void {
    this.own.drop('breaker-open')
    this.deps.onAlerts?.(this.list(), { raised: [], resolved: [], severityChanged: [] })
  }
}
