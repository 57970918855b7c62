import { severityLabels } from '../../lib/session-labels'
import { plural } from '../../lib/plural'

/** Open alerts by severity, as icon, number and word; "No open alerts" when there is none. */
export function AlertBadge({ critical, warning }: { critical: number; warning: number }) {
  const total = critical + warning
  const label =
    total === 0
      ? 'No open alerts'
      : `${total} open ${plural(total, 'alert')}: ${critical} critical, ${warning} warning`
  return (
    <span
      className={`alert-badge${total === 0 ? ' alert-badge-none' : ''}`}
      data-testid="alert-badge"
      data-critical={critical}
      data-warning={warning}
      title={label}
    >
      {total === 0 && (
        <>
          <span aria-hidden="true">✓</span> No open alerts
        </>
      )}
      {critical > 0 && (
        <span className="alert-count alert-count-critical" data-testid="alert-count-critical">
          <span aria-hidden="true">{severityLabels.critical.icon}</span> {critical} critical
        </span>
      )}
      {warning > 0 && (
        <span className="alert-count alert-count-warning" data-testid="alert-count-warning">
          <span aria-hidden="true">{severityLabels.warning.icon}</span> {warning} warning
        </span>
      )}
    </span>
  )
}
