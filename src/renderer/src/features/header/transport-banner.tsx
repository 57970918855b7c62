import { useTransport } from '../../api/transport-context'
import { selectors, useStore } from '../../stores/store'

/** Shown while the browser-mode connection to the Lifeguard server is lost. */
export function TransportBanner() {
  const status = useStore(selectors.app.transport)
  const transport = useTransport()
  if (status !== 'reconnecting' && status !== 'closed') return null
  return (
    <div className="banner banner-error" role="alert" data-testid="transport-banner">
      <span aria-hidden="true">✕</span>
      <div className="banner-text">
        <strong>Lost connection to the Lifeguard server.</strong>{' '}
        {status === 'reconnecting'
          ? 'Reconnecting automatically; figures on this page are frozen until then.'
          : 'This page is no longer connected. Reload it to reconnect.'}
      </div>
      {status === 'reconnecting' && (
        <button type="button" className="btn btn-small" onClick={() => transport.reconnectNow()}>
          Retry now
        </button>
      )}
    </div>
  )
}
