/**
 * The server side of a profile on its card: client connections in use against the server's limit,
 * the open session alerts by severity, and the button that opens the sessions view.
 */
import type { ServerSummary } from '../../../../shared/sessions'
import { ServerGauge } from '../../components/server-gauge'
import { AlertBadge } from '../sessions/alert-badge'

interface ServerSummaryLineProps {
  summary: ServerSummary | undefined
  critical: number
  warning: number
  onOpen(): void
}

export function ServerSummaryLine({ summary, critical, warning, onOpen }: ServerSummaryLineProps) {
  const side = (
    <>
      <AlertBadge critical={critical} warning={warning} />
      <button
        type="button"
        className="btn btn-small"
        onClick={onOpen}
        title="Every session on the server, the alerts, Cancel query and Terminate session"
      >
        Sessions
      </button>
    </>
  )
  return (
    <div className="server-summary" data-testid="server-summary">
      {summary ? (
        <ServerGauge usage={summary.connections} label="Server">
          {side}
        </ServerGauge>
      ) : (
        <div className="server-gauge-head">
          <span className="server-gauge-label">Server</span>
          <span className="muted server-gauge-text" data-testid="server-gauge-waiting">
            waiting for the first sample…
          </span>
          <span className="server-gauge-extra">{side}</span>
        </div>
      )}
    </div>
  )
}
