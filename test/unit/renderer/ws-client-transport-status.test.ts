/** The transport status and its change reports: connecting, connected, reconnecting, closed. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createWsClient } from '../../../src/renderer/src/api/ws-client'
import { installFakeWebSocket, socketNo } from './fake-web-socket'

beforeEach(() => {
  installFakeWebSocket()
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('ws-client: transport status', () => {
  it('is a websocket transport that starts as connecting', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    expect(client.kind).toBe('websocket')
    expect(client.status()).toBe('connecting')
  })

  it('reports each change once, in order, through a full lost-and-found cycle', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    const seen: string[] = []
    client.onStatus((s) => seen.push(s))

    socketNo(0).serverOpens()
    expect(client.status()).toBe('connected')
    socketNo(0).drops()
    expect(client.status()).toBe('reconnecting')
    vi.advanceTimersByTime(1_000)
    socketNo(1).drops() // still reconnecting: no new report
    vi.advanceTimersByTime(2_000)
    socketNo(2).serverOpens()
    client.close()

    expect(seen).toEqual(['connected', 'reconnecting', 'connected', 'closed'])
    expect(client.status()).toBe('closed')
  })

  it('a first attempt that fails goes from connecting to reconnecting', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    const listener = vi.fn()
    client.onStatus(listener)
    socketNo(0).drops()
    expect(listener).toHaveBeenCalledExactlyOnceWith('reconnecting')
  })

  it('an unsubscribed status listener hears nothing more', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    const listener = vi.fn()
    const off = client.onStatus(listener)
    off()
    socketNo(0).serverOpens()
    expect(listener).not.toHaveBeenCalled()
  })

  it('a throwing status listener does not keep the others from hearing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const client = createWsClient({ url: 'ws://h/ws' })
    const other = vi.fn()
    client.onStatus(() => {
      throw new Error('faulty')
    })
    client.onStatus(other)
    socketNo(0).serverOpens()
    expect(other).toHaveBeenCalledExactlyOnceWith('connected')
  })

  it('protocol error frames reach onProtocolError listeners until they unsubscribe', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    const ws = socketNo(0)
    ws.serverOpens()
    const listener = vi.fn()
    const off = client.onProtocolError(listener)
    const error = { code: 'bad-message', message: 'not JSON' }
    ws.serverSends({ type: 'error', error })
    expect(listener).toHaveBeenCalledExactlyOnceWith(error)
    ws.serverSends({ type: 'error', error: { code: 'bad-message' } }) // malformed: dropped
    expect(listener).toHaveBeenCalledTimes(1)
    off()
    ws.serverSends({ type: 'error', error })
    expect(listener).toHaveBeenCalledTimes(1)
  })
})
