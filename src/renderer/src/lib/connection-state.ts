import type { ConnectionState } from '../../../shared/domain'

/** Icon and words for each state: colour is never the only signal. */
export const connectionStateLabels: Record<ConnectionState, { icon: string; text: string }> = {
  connected: { icon: '●', text: 'Connected' },
  connecting: { icon: '◌', text: 'Connecting…' },
  disconnecting: { icon: '◌', text: 'Disconnecting…' },
  disconnected: { icon: '○', text: 'Disconnected' },
  failed: { icon: '✕', text: 'Failed' },
}

export function isBusy(state: ConnectionState): boolean {
  return state === 'connecting' || state === 'disconnecting'
}

/** The pool exists (or is being closed): Disconnect is the action offered. */
export function holdsPool(state: ConnectionState): boolean {
  return state === 'connected' || state === 'disconnecting'
}
