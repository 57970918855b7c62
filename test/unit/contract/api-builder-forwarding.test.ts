/** buildApi maps each named method to its channel; listeners receive the payload only. */
import { describe, expect, it, vi } from 'vitest'
import { buildApi, type TransportPrimitives } from '../../../src/shared/api-builder'
import {
  eventChannels,
  eventMethods,
  invokeChannels,
  invokeMethods,
} from '../../../src/shared/channels'
import type { Result } from '../../../src/shared/result'

function setup() {
  const unsubscribe = vi.fn()
  const listeners = new Map<string, (payload: unknown) => void>()
  const invoke = vi.fn(async (channel: string, request: unknown): Promise<Result<unknown>> => ({
    ok: true,
    data: { channel, request },
  }))
  const subscribe = vi.fn((channel: string, listener: (payload: unknown) => void) => {
    listeners.set(channel, listener)
    return unsubscribe
  })
  const transport: TransportPrimitives = { invoke, subscribe }
  const api = buildApi(transport) as unknown as Record<string, (arg: unknown) => unknown>
  return { api, invoke, subscribe, unsubscribe, listeners }
}

describe('buildApi', () => {
  it('listProfiles({}) invokes profiles:list', async () => {
    const { api, invoke } = setup()
    const result = await api['listProfiles']?.({})
    expect(invoke).toHaveBeenCalledExactlyOnceWith('profiles:list', {})
    expect(result).toEqual({ ok: true, data: { channel: 'profiles:list', request: {} } })
  })

  it.each(invokeChannels.map((c) => [invokeMethods[c], c]))(
    '%s invokes %s with the request unchanged',
    async (method, channel) => {
      const { api, invoke } = setup()
      const request = { id: 'p1', nested: { a: [1] } }
      await api[method]?.(request)
      expect(invoke).toHaveBeenCalledExactlyOnceWith(channel, request)
      expect(invoke.mock.calls[0]?.[1]).toBe(request)
    },
  )

  it.each(eventChannels.map((c) => [eventMethods[c], c]))(
    '%s subscribes to %s; the listener gets only the payload',
    (method, channel) => {
      const { api, subscribe, unsubscribe, listeners } = setup()
      const listener = vi.fn()
      const off = api[method]?.(listener) as () => void
      expect(subscribe).toHaveBeenCalledTimes(1)
      expect(subscribe.mock.calls[0]?.[0]).toBe(channel)

      listeners.get(channel)?.({ profileId: 'p1' })
      expect(listener).toHaveBeenCalledExactlyOnceWith({ profileId: 'p1' })

      expect(off).toBe(unsubscribe)
      off()
      expect(unsubscribe).toHaveBeenCalledTimes(1)
    },
  )

  it.each([[undefined], ['not a function'], [{}], [null]])(
    'an event method refuses a non-function listener %j',
    (listener) => {
      const { api, subscribe } = setup()
      expect(() => api['onProfilesChanged']?.(listener)).toThrow(TypeError)
      expect(subscribe).not.toHaveBeenCalled()
    },
  )
})
