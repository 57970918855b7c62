import type { LifeguardApi } from '../../shared/contract'

declare global {
  interface Window {
    /** Set by the desktop preload (contextBridge); absent in browser mode. */
    lifeguard?: LifeguardApi
  }
}

export {}
