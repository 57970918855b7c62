/** Event frames fan out to every subscriber of their channel; unsubscribing stops delivery. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createWsClient } from '../../../src/renderer/src/api/ws-client'
import { installFakeWebSocket, socketNo } from './fake-web-socket'
import { sample, status, warning } from './store-fixture'

beforeEach(() => installFakeWebSocket())
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

function openClient() {
  const client = createWsClient({ url: 'ws://h/ws' })
  const ws = socketNo(0)
  ws.serverOpens()
  return { client, ws }
}

describe('ws-client: events', () => {
  it('every subscriber of the channel gets the payload; other channels get nothing', () => {
    const { client, ws } = openClient()
    const a = vi.fn()
    const b = vi.fn()
    const other = vi.fn()
    client.api.onConnectionStateChanged(a)
    client.api.onConnectionStateChanged(b)
    client.api.onPoolStatsChanged(other)

    const payload = status('p1', 'connected', 5)
    ws.serverSends({ type: 'event', channel: 'connection:state-changed', payload })

    expect(a).toHaveBeenCalledExactlyOnceWith(payload)
    expect(b).toHaveBeenCalledExactlyOnceWith(payload)
    expect(other).not.toHaveBeenCalled()
  })

  it('each event method listens to its own channel', () => {
    const { client, ws } = openClient()
    const onStats = vi.fn()
    const onWarning = vi.fn()
    const onProfiles = vi.fn()
    client.api.onPoolStatsChanged(onStats)
    client.api.onWarningRaised(onWarning)
    client.api.onProfilesChanged(onProfiles)
    ws.serverSends({ type: 'event', channel: 'pool:stats-changed', payload: sample('p1', 1) })
    ws.serverSends({ type: 'event', channel: 'app:warning-raised', payload: warning('w') })
    ws.serverSends({ type: 'event', channel: 'profiles:changed', payload: [] })
    expect(onStats).toHaveBeenCalledExactlyOnceWith(sample('p1', 1))
    expect(onWarning).toHaveBeenCalledExactlyOnceWith(warning('w'))
    expect(onProfiles).toHaveBeenCalledExactlyOnceWith([])
  })

  it('unsubscribe stops delivery to that listener only', () => {
    const { client, ws } = openClient()
    const kept = vi.fn()
    const removed = vi.fn()
    client.api.onWarningRaised(kept)
    const off = client.api.onWarningRaised(removed)
    off()
    off() // twice is harmless
    ws.serverSends({ type: 'event', channel: 'app:warning-raised', payload: warning('w') })
    expect(removed).not.toHaveBeenCalled()
    expect(kept).toHaveBeenCalledTimes(1)
  })

  it('an event on an unknown channel is dropped', () => {
    const { client, ws } = openClient()
    const listener = vi.fn()
    client.api.onWarningRaised(listener)
    ws.serverSends({ type: 'event', channel: 'app:warning', payload: warning('w') })
    ws.serverSends({ type: 'event', channel: '__proto__', payload: warning('w') })
    expect(listener).not.toHaveBeenCalled()
  })

  it('a throwing listener does not keep the others from getting the event', () => {
    const { client, ws } = openClient()
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const after = vi.fn()
    client.api.onWarningRaised(() => {
      throw new Error('faulty listener')
    })
    client.api.onWarningRaised(after)
    ws.serverSends({ type: 'event', channel: 'app:warning-raised', payload: warning('w') })
    expect(after).toHaveBeenCalledTimes(1)
    expect(consoleError).toHaveBeenCalled()
  })

  it('subscriptions survive a reconnect', () => {
    vi.useFakeTimers()
    try {
      const { client, ws } = openClient()
      const listener = vi.fn()
      client.api.onWarningRaised(listener)
      ws.drops()
      vi.advanceTimersByTime(1_000)
      const second = socketNo(1)
      second.serverOpens()
      second.serverSends({ type: 'event', channel: 'app:warning-raised', payload: warning('w') })
      expect(listener).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
