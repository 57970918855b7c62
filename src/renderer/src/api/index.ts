/**
 * The renderer's one way to main: the preload's API in the desktop shell, the WebSocket client
 * in browser mode. Both are the same LifeguardApi, derived from the shared contract.
 */
import type { LifeguardApi } from '../../../shared/contract'
import { ipcTransport, type Transport } from './transport'
import { createBrowserClient } from './ws-client'

let transport: Transport | undefined

export function getTransport(): Transport {
  transport ??= window.lifeguard ? ipcTransport(window.lifeguard) : createBrowserClient()
  return transport
}

export function getApi(): LifeguardApi {
  return getTransport().api
}

export type { Transport, TransportStatus } from './transport'
