/** Words and icons for the health checker's values: colour is never the only signal. */
import type {
  AttemptRecord,
  AttemptTrigger,
  BreakerState,
  ErrorClass,
  HealthLevel,
} from '../../../shared/domain'

export const healthLevelLabels: Record<HealthLevel, { icon: string; text: string }> = {
  healthy: { icon: '✓', text: 'Healthy' },
  warning: { icon: '▲', text: 'Warning' },
  critical: { icon: '‼', text: 'Critical' },
}

export const breakerLabels: Record<BreakerState, { text: string; meaning: string }> = {
  closed: { text: 'Closed', meaning: 'operations go to the database' },
  open: { text: 'Open', meaning: 'operations fail fast until the database answers again' },
  'half-open': { text: 'Half-open', meaning: 'one trial attempt decides whether it closes' },
}

export const triggerLabels: Record<AttemptTrigger, string> = {
  startup: 'Start-up',
  probe: 'Probe',
  scheduled: 'Scheduled',
  manual: 'Manual',
}

export const errorClassLabels: Record<ErrorClass, string> = {
  transient: 'Transient',
  permanent: 'Permanent',
}

export const outcomeLabels: Record<AttemptRecord['outcome'], { icon: string; text: string }> = {
  success: { icon: '✓', text: 'Success' },
  failure: { icon: '✕', text: 'Failure' },
}

/** "Attempt 3", or "Probe" for a failed probe (which is not a reconnect attempt). */
export function attemptLabel(record: Pick<AttemptRecord, 'attempt' | 'trigger'>): string {
  return record.trigger === 'probe' && record.attempt === 0 ? 'probe' : `#${record.attempt}`
}
