import type { TransportStatus } from '../../api/transport'
import { selectors, useStore } from '../../stores/store'

const labels: Record<TransportStatus, { icon: string; text: string }> = {
  connecting: { icon: '◌', text: 'Connecting…' },
  connected: { icon: '●', text: 'Live' },
  reconnecting: { icon: '◌', text: 'Reconnecting…' },
  closed: { icon: '✕', text: 'Offline' },
}

/** The link to main (always live on the desktop; a WebSocket in browser mode). */
export function TransportIndicator() {
  const status = useStore(selectors.app.transport)
  const label = labels[status]
  return (
    <span
      className={`transport transport-${status}`}
      role="status"
      data-testid="transport-status"
      data-status={status}
    >
      <span aria-hidden="true">{label.icon}</span>{' '}
      <span className="visually-hidden">Server link: </span>
      {label.text}
    </span>
  )
}
