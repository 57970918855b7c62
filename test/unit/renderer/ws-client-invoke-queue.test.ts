/** Invokes made before the socket opens wait in a queue and are sent, in order, on open. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createWsClient } from '../../../src/renderer/src/api/ws-client'
import { installFakeWebSocket, socketNo, FakeWebSocket } from './fake-web-socket'

beforeEach(() => installFakeWebSocket())
afterEach(() => vi.unstubAllGlobals())

describe('ws-client: invoke queue', () => {
  it('opens one socket to the given URL right away', () => {
    createWsClient({ url: 'ws://h/ws?token=t' })
    expect(FakeWebSocket.instances).toHaveLength(1)
    expect(socketNo(0).url).toBe('ws://h/ws?token=t')
  })

  it('sends nothing before open, then every queued invoke in call order', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    void client.api.listProfiles({})
    void client.api.deleteProfile({ id: 'p1' })
    void client.api.getSnapshot({})
    const ws = socketNo(0)
    expect(ws.sent).toEqual([])

    ws.serverOpens()

    expect(ws.sentMessages()).toEqual([
      { type: 'invoke', id: 1, channel: 'profiles:list', request: {} },
      { type: 'invoke', id: 2, channel: 'profiles:delete', request: { id: 'p1' } },
      { type: 'invoke', id: 3, channel: 'monitor:get-snapshot', request: {} },
    ])
  })

  it('once open, an invoke is sent immediately with the next id', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    void client.api.listProfiles({})
    const ws = socketNo(0)
    ws.serverOpens()
    void client.api.disconnect({ id: 'p9' })
    expect(ws.sentMessages()).toHaveLength(2)
    expect(ws.sentMessages()[1]).toEqual({
      type: 'invoke',
      id: 2,
      channel: 'pool:disconnect',
      request: { id: 'p9' },
    })
  })

  it('a queued invoke is sent once only (not again on a later open event)', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    void client.api.listProfiles({})
    const ws = socketNo(0)
    ws.serverOpens()
    ws.serverOpens()
    expect(ws.sent).toHaveLength(1)
  })

  it('a request that cannot be encoded as JSON resolves with bad-message, no throw', async () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    socketNo(0).serverOpens()
    const circular: Record<string, unknown> = {}
    circular['self'] = circular
    const result = await client.api.deleteProfile(circular as unknown as { id: string })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-message' } })
  })
})
