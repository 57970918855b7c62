/**
 * Which open alerts are "critical" for the DBA's attention (issue 8 item 4): the ones that raise a
 * notification and that the badge counts. A pool leak, an open circuit breaker, a session idle in
 * a transaction and a filling write queue are critical whatever their severity (the engine raises
 * leaks as 'critical'; idle in transaction is 'warning' until its critical line); a long query and
 * the server's connections once they reach 'critical'. The one rule: main's desktop notifier
 * (src/main/notifications/alert-notifier.ts) and the renderer's badge and browser notifications
 * import it, so both shells announce and count the same alerts.
 */
import type { AlertKind, SessionAlert } from './sessions'

/** Kinds that are critical whatever their severity. */
export const alwaysCriticalKinds: ReadonlySet<AlertKind> = new Set<AlertKind>([
  'leak',
  'breaker-open',
  'idle-in-transaction',
  'queue-filling',
])

/** Kinds that are critical once their severity is. */
export const criticalWhenSevereKinds: ReadonlySet<AlertKind> = new Set<AlertKind>([
  'long-query',
  'connections',
])

export function isCriticalAlert(
  alert: Pick<SessionAlert, 'kind' | 'severity' | 'resolvedAt'>,
): boolean {
  if (alert.resolvedAt !== null) return false
  if (alwaysCriticalKinds.has(alert.kind)) return true
  return criticalWhenSevereKinds.has(alert.kind) && alert.severity === 'critical'
}
