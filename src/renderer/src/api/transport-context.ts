/** Components reach main through context, so a test can render them with a fake transport. */
import { createContext, useContext } from 'react'
import type { LifeguardApi } from '../../../shared/contract'
import type { Transport } from './transport'

export const TransportContext = createContext<Transport | null>(null)

export function useTransport(): Transport {
  const transport = useContext(TransportContext)
  if (!transport) throw new Error('useTransport() needs a <TransportContext.Provider> above it')
  return transport
}

export function useApi(): LifeguardApi {
  return useTransport().api
}
