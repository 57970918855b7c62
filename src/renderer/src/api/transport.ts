/** What the UI needs to know about the link to main, whichever shell carries it. */
import type { LifeguardApi, Unsubscribe } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/result'

/**
 * connecting: first attempt, not open yet. connected: open. reconnecting: lost, retrying with
 * backoff. closed: closed for good by this page (no more retries).
 */
export type TransportStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed'

export interface Transport {
  readonly api: LifeguardApi
  readonly kind: 'ipc' | 'websocket'
  status(): TransportStatus
  onStatus(listener: (status: TransportStatus) => void): Unsubscribe
  /** Errors the server could not attach to any request (unreadable messages). */
  onProtocolError(listener: (error: ErrorInfo) => void): Unsubscribe
  /** Skips the backoff wait and tries now (no-op when connected or on IPC). */
  reconnectNow(): void
}

/** The desktop shell: Electron IPC through the preload is always there while the window is. */
export function ipcTransport(api: LifeguardApi): Transport {
  return {
    api,
    kind: 'ipc',
    status: () => 'connected',
    onStatus: () => () => undefined,
    onProtocolError: () => () => undefined,
    reconnectNow: () => undefined,
  }
}
