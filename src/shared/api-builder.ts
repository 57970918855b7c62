/**
 * Builds a LifeguardApi from two transport primitives. The preload (desktop) and the WebSocket
 * client (browser mode) both use it, so the API surface is derived from the contract, once.
 * The result is a frozen object of named functions: no generic invoke is ever exposed.
 */
import {
  eventChannels,
  eventMethods,
  invokeChannels,
  invokeMethods,
  type EventChannel,
  type InvokeChannel,
} from './channels'
import type { LifeguardApi, Unsubscribe } from './contract'
import type { Result } from './result'

export interface TransportPrimitives {
  invoke(channel: InvokeChannel, request: unknown): Promise<Result<unknown>>
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): Unsubscribe
}

export function buildApi(transport: TransportPrimitives): LifeguardApi {
  const api: Record<string, unknown> = Object.create(null)
  for (const channel of invokeChannels) {
    api[invokeMethods[channel]] = (request: unknown) => transport.invoke(channel, request)
  }
  for (const channel of eventChannels) {
    api[eventMethods[channel]] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function')
      return transport.subscribe(channel, listener)
    }
  }
  return Object.freeze(api) as unknown as LifeguardApi
}
