/** Each result frame settles the invoke with the same id, whatever the order of the answers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createWsClient } from '../../../src/renderer/src/api/ws-client'
import { flushPromises, installFakeWebSocket, socketNo } from './fake-web-socket'

beforeEach(() => installFakeWebSocket())
afterEach(() => vi.unstubAllGlobals())

function openClient() {
  const client = createWsClient({ url: 'ws://h/ws' })
  const ws = socketNo(0)
  ws.serverOpens()
  return { client, ws }
}

describe('ws-client: results by id', () => {
  it('answers in reverse order still reach the right callers', async () => {
    const { client, ws } = openClient()
    const first = client.api.listProfiles({})
    const second = client.api.deleteProfile({ id: 'p2' })
    const third = client.api.getAppInfo({})

    ws.serverSends({ type: 'result', id: 3, result: { ok: true, data: 'third' } })
    ws.serverSends({ type: 'result', id: 1, result: { ok: true, data: 'first' } })
    ws.serverSends({
      type: 'result',
      id: 2,
      result: { ok: false, error: { code: 'not-found', message: 'no p2' } },
    })

    expect(await first).toEqual({ ok: true, data: 'first' })
    expect(await second).toEqual({ ok: false, error: { code: 'not-found', message: 'no p2' } })
    expect(await third).toEqual({ ok: true, data: 'third' })
  })

  it('a result for an unknown id, or a second result for the same id, changes nothing', async () => {
    const { client, ws } = openClient()
    const settled = vi.fn()
    void client.api.listProfiles({}).then(settled)

    ws.serverSends({ type: 'result', id: 99, result: { ok: true, data: 'stray' } })
    await flushPromises()
    expect(settled).not.toHaveBeenCalled()

    ws.serverSends({ type: 'result', id: 1, result: { ok: true, data: 'one' } })
    ws.serverSends({ type: 'result', id: 1, result: { ok: true, data: 'again' } })
    await flushPromises()
    expect(settled).toHaveBeenCalledExactlyOnceWith({ ok: true, data: 'one' })
  })

  it.each([
    ['not JSON', '{nope'],
    ['not an object', '42'],
    ['a string id', { type: 'result', id: '1', result: { ok: true, data: 1 } }],
    ['ok:true without data', { type: 'result', id: 1, result: { ok: true } }],
    ['ok:false without error info', { type: 'result', id: 1, result: { ok: false } }],
    ['an unknown type', { type: 'answer', id: 1, result: { ok: true, data: 1 } }],
  ])('a malformed frame (%s) is dropped and the invoke keeps waiting', async (_name, frame) => {
    const { client, ws } = openClient()
    const settled = vi.fn()
    void client.api.listProfiles({}).then(settled)
    ws.serverSends(frame)
    await flushPromises()
    expect(settled).not.toHaveBeenCalled()
    ws.serverSends({ type: 'result', id: 1, result: { ok: true, data: 'fine' } })
    await flushPromises()
    expect(settled).toHaveBeenCalledExactlyOnceWith({ ok: true, data: 'fine' })
  })
})
