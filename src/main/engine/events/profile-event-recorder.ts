/**
 * A profile's own changes as engine events: connection state, health level, circuit breaker (from
 * each status the session pushes), every reconnect attempt or failed probe, and alerts raised,
 * escalated and resolved. Pool events are in pool-event-recorder.ts; drains are recorded by the
 * session, workload changes by the load lab, queue kinds by the write queue (issue 5), all through
 * the same `RecordEvent`.
 */
import type { EngineEventKind, EngineEventSeverity } from '../../../shared/cockpit'
import type {
  AttemptRecord,
  BreakerState,
  ConnectionState,
  HealthLevel,
  ProfileStatus,
} from '../../../shared/domain'
import type { AlertChanges, SessionAlert } from '../../../shared/sessions'
import { durationText as ms } from '../../../shared/duration-text'
import type { EventData } from './event-text'

export type RecordEvent = (
  kind: EngineEventKind,
  severity: EngineEventSeverity,
  message: string,
  data?: EventData,
) => void

const stateSeverity: Readonly<Record<ConnectionState, EngineEventSeverity>> = {
  connected: 'info',
  connecting: 'warning',
  failed: 'critical',
  disconnecting: 'info',
  disconnected: 'info',
}

const levelSeverity: Readonly<Record<HealthLevel, EngineEventSeverity>> = {
  healthy: 'info',
  warning: 'warning',
  critical: 'critical',
}

const breakerSeverity: Readonly<Record<BreakerState, EngineEventSeverity>> = {
  closed: 'info',
  'half-open': 'warning',
  open: 'critical',
}

const breakerText: Readonly<Record<BreakerState, string>> = {
  closed: 'circuit breaker closed: operations go through again',
  'half-open': 'circuit breaker half-open: one trial attempt runs',
  open: 'circuit breaker open: operations fail fast with service-unavailable',
}

interface Seen {
  state: ConnectionState
  level: HealthLevel | null
  breaker: BreakerState | null
}

/** Compares each pushed status with the previous one and records what changed. */
export class StatusEvents {
  private last: Seen | undefined

  constructor(private readonly record: RecordEvent) {}

  status(s: ProfileStatus): void {
    const now: Seen = {
      state: s.state,
      level: s.health?.level ?? null,
      breaker: s.health?.breaker ?? null,
    }
    const before = this.last
    this.last = now
    if (!before || before.state !== now.state) {
      const from = before?.state ?? 'disconnected'
      const why = s.error && now.state !== 'connected' ? `: ${s.error.message}` : ''
      const version =
        now.state === 'connected' && s.serverVersion ? ` (PostgreSQL ${s.serverVersion})` : ''
      this.record(
        'connection-state-changed',
        stateSeverity[now.state],
        `connection ${from} -> ${now.state}${version}${why}`,
        { from, to: now.state, errorCode: s.error?.code ?? null },
      )
    }
    if (now.level !== null && now.level !== (before?.level ?? 'healthy')) {
      const reasons = s.health?.reasons ?? []
      this.record(
        'health-level-changed',
        levelSeverity[now.level],
        `health ${now.level}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`,
        { from: before?.level ?? null, to: now.level },
      )
    }
    // null <-> closed is a connect or a disconnect, not a breaker change.
    const fromBreaker = before?.breaker ?? 'closed'
    const toBreaker = now.breaker ?? 'closed'
    if (fromBreaker !== toBreaker)
      this.record('breaker-changed', breakerSeverity[toBreaker], breakerText[toBreaker], {
        from: fromBreaker,
        to: toBreaker,
        unreachableSince: s.health?.unreachableSince ?? null,
      })
  }
}

export function recordAttempt(record: RecordEvent, a: AttemptRecord): void {
  const what = a.attempt === 0 ? 'health probe' : `attempt ${a.attempt} (${a.trigger})`
  const next =
    a.nextAttemptAt === null ? '' : `; next attempt at ${new Date(a.nextAttemptAt).toISOString()}`
  const message =
    a.outcome === 'success'
      ? `${what} succeeded in ${ms(a.durationMs)}`
      : `${what} failed after ${ms(a.durationMs)}: ${a.message ?? a.errorCode ?? 'unknown error'}${next}`
  record('attempt', a.outcome === 'success' ? 'info' : 'warning', message, {
    attempt: a.attempt,
    trigger: a.trigger,
    outcome: a.outcome,
    durationMs: a.durationMs,
    scheduledDelayMs: a.scheduledDelayMs,
    actualDelayMs: a.actualDelayMs,
    errorCode: a.errorCode,
    errorClass: a.errorClass,
  })
}

function alertData(alert: SessionAlert): EventData {
  return { alertId: alert.id, alertKind: alert.kind, alertSeverity: alert.severity }
}

export function recordAlertChanges(record: RecordEvent, changes: AlertChanges): void {
  for (const a of changes.raised)
    record('alert-raised', a.severity, `${a.kind} alert: ${a.message}`, alertData(a))
  for (const a of changes.severityChanged)
    record(
      'alert-raised',
      a.severity,
      `${a.kind} alert now ${a.severity}: ${a.message}`,
      alertData(a),
    )
  for (const a of changes.resolved)
    record('alert-resolved', 'info', `${a.kind} alert resolved: ${a.message}`, alertData(a))
}
