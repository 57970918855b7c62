/** The Events tab's filters and wording, as pure functions. */
import type { EngineEvent, EngineEventKind, EngineEventSeverity } from '../../../../shared/cockpit'

export const severities: readonly EngineEventSeverity[] = ['critical', 'warning', 'info']

export const severityText: Record<EngineEventSeverity, { icon: string; text: string }> = {
  critical: { icon: '‼', text: 'Critical' },
  warning: { icon: '▲', text: 'Warning' },
  info: { icon: 'i', text: 'Info' },
}

export const eventKindLabels: Record<EngineEventKind, string> = {
  'connection-created': 'Connection created',
  'connection-removed': 'Connection removed',
  'create-failed': 'Create failed',
  'acquire-timeout': 'Acquire timeout',
  leak: 'Leak',
  'leak-resolved': 'Leak resolved',
  'pool-state-changed': 'Pool state changed',
  'drain-started': 'Drain started',
  'drain-ended': 'Drain ended',
  'connection-state-changed': 'Connection state changed',
  'health-level-changed': 'Health level changed',
  attempt: 'Attempt',
  'breaker-changed': 'Breaker changed',
  'alert-raised': 'Alert raised',
  'alert-resolved': 'Alert resolved',
  'queue-enqueued': 'Queued write',
  'queue-applied': 'Queued write applied',
  'queue-failed': 'Queued write failed',
  'queue-moved-aside': 'Queued write moved aside',
  'queue-blocked': 'Queue blocked',
  'workload-changed': 'Load lab changed',
}

export interface EventFilter {
  /** null: every kind. */
  kind: EngineEventKind | null
  severities: ReadonlySet<EngineEventSeverity>
}

export const allEvents: EventFilter = { kind: null, severities: new Set(severities) }

export function filterEvents(events: readonly EngineEvent[], filter: EventFilter): EngineEvent[] {
  return events.filter(
    (e) => (filter.kind === null || e.kind === filter.kind) && filter.severities.has(e.severity),
  )
}

/** "connectionId=3 · reason=idle · waitedMs=120"; values as text, never markup. */
export function dataText(data: EngineEvent['data']): string {
  return Object.entries(data)
    .map(([k, v]) => `${k}=${v === null ? 'null' : String(v)}`)
    .join(' · ')
}

/** "14:03:07.215", with the date in front when it is not the day of `now`. */
export function eventTime(at: number, now: number): string {
  const d = new Date(at)
  const two = (n: number) => String(n).padStart(2, '0')
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`
  const today = new Date(now)
  const sameDay =
    d.getFullYear() === today.getFullYear() &&
    d.getMonth() === today.getMonth() &&
    d.getDate() === today.getDate()
  return sameDay ? time : `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${time}`
}
