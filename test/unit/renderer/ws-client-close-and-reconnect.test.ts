/**
 * A lost socket: every unanswered invoke resolves with connection-failed (never a throw) and the
 * client reconnects with exponential backoff: 1 s, 2 s, 4 s, 8 s, then at most 10 s.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createWsClient,
  LOST_CONNECTION,
  retryDelayMs,
} from '../../../src/renderer/src/api/ws-client'
import { FakeWebSocket, installFakeWebSocket, latestSocket, socketNo } from './fake-web-socket'

const lost = { ok: false, error: { code: 'connection-failed', message: LOST_CONNECTION } }

beforeEach(() => {
  installFakeWebSocket()
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('ws-client: close and reconnect', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 10_000],
    [6, 10_000],
    [50, 10_000],
  ])('retryDelayMs(%i) = %i', (failures, ms) => {
    expect(retryDelayMs(failures)).toBe(ms)
  })

  it('a close resolves every pending invoke with connection-failed', async () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    const ws = socketNo(0)
    ws.serverOpens()
    const a = client.api.listProfiles({})
    const b = client.api.getSnapshot({})
    ws.drops()
    expect(await a).toEqual(lost)
    expect(await b).toEqual(lost)
  })

  it('invokes still queued when the first attempt fails resolve with connection-failed', async () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    const queued = client.api.getAppInfo({})
    socketNo(0).drops()
    expect(await queued).toEqual(lost)
    // ... and are not sent later on the next socket.
    vi.advanceTimersByTime(1_000)
    socketNo(1).serverOpens()
    expect(socketNo(1).sent).toEqual([])
  })

  it('while reconnecting, a new invoke fails at once instead of hanging', async () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    socketNo(0).serverOpens()
    socketNo(0).drops()
    expect(await client.api.listProfiles({})).toEqual(lost)
    expect(socketNo(0).sent).toEqual([])
  })

  it('reconnects after 1 s, 2 s, 4 s, 8 s, 10 s, 10 s of failed attempts', () => {
    createWsClient({ url: 'ws://h/ws?token=t' })
    socketNo(0).drops()
    for (const delay of [1_000, 2_000, 4_000, 8_000, 10_000, 10_000]) {
      const before = FakeWebSocket.instances.length
      vi.advanceTimersByTime(delay - 1)
      expect(FakeWebSocket.instances).toHaveLength(before)
      vi.advanceTimersByTime(1)
      expect(FakeWebSocket.instances).toHaveLength(before + 1)
      expect(latestSocket().url).toBe('ws://h/ws?token=t')
      latestSocket().drops()
    }
  })

  it('a successful open resets the backoff to 1 s', () => {
    createWsClient({ url: 'ws://h/ws' })
    socketNo(0).drops()
    vi.advanceTimersByTime(1_000)
    socketNo(1).drops()
    vi.advanceTimersByTime(2_000)
    socketNo(2).serverOpens()
    socketNo(2).drops()
    vi.advanceTimersByTime(999)
    expect(FakeWebSocket.instances).toHaveLength(3)
    vi.advanceTimersByTime(1)
    expect(FakeWebSocket.instances).toHaveLength(4)
  })

  it('after reconnecting, invokes go out on the new socket and get their results', async () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    socketNo(0).serverOpens()
    socketNo(0).drops()
    vi.advanceTimersByTime(1_000)
    const ws = socketNo(1)
    ws.serverOpens()
    const answer = client.api.listProfiles({})
    const sent = ws.sentMessages()[0] as { id: number; channel: string }
    expect(sent.channel).toBe('profiles:list')
    ws.serverSends({ type: 'result', id: sent.id, result: { ok: true, data: [] } })
    expect(await answer).toEqual({ ok: true, data: [] })
  })

  it('a close event from an old socket does not disturb the current one', async () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    const old = socketNo(0)
    old.serverOpens()
    old.drops()
    vi.advanceTimersByTime(1_000)
    socketNo(1).serverOpens()
    const pending = client.api.listProfiles({})
    old.drops() // a late duplicate close
    expect(client.status()).toBe('connected')
    vi.advanceTimersByTime(60_000)
    expect(FakeWebSocket.instances).toHaveLength(2)
    socketNo(1).serverSends({ type: 'result', id: 1, result: { ok: true, data: 'ok' } })
    expect(await pending).toEqual({ ok: true, data: 'ok' })
  })

  it('reconnectNow skips the backoff wait', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    socketNo(0).drops()
    client.reconnectNow()
    expect(FakeWebSocket.instances).toHaveLength(2)
    // The skipped timer does not open a third socket later.
    vi.advanceTimersByTime(60_000)
    expect(FakeWebSocket.instances).toHaveLength(2)
  })

  it('reconnectNow does nothing while connected', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    socketNo(0).serverOpens()
    client.reconnectNow()
    expect(FakeWebSocket.instances).toHaveLength(1)
  })

  it('close() stops for good: pending invokes fail, no reconnect, later invokes fail', async () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    socketNo(0).serverOpens()
    const pending = client.api.listProfiles({})
    client.close()
    expect(await pending).toEqual(lost)
    vi.advanceTimersByTime(60_000)
    expect(FakeWebSocket.instances).toHaveLength(1)
    expect(await client.api.listProfiles({})).toEqual(lost)
  })

  it('close() while waiting to retry cancels the retry', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    socketNo(0).drops()
    client.close()
    vi.advanceTimersByTime(60_000)
    expect(FakeWebSocket.instances).toHaveLength(1)
    expect(client.status()).toBe('closed')
  })
})
