/** reliability.md B.10: message size limits, answered explicitly; the server stays up. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_MESSAGE_BYTES } from '../../../src/shared/ws-protocol'
import { closed, collect, openAuthorised, startHarness, type Harness } from './web-harness'

/** A valid invoke of exactly `bytes` bytes (ASCII), padded inside an unchecked request field. */
function invokeOfSize(id: number, bytes: number): string {
  const head = `{"type":"invoke","id":${id},"channel":"profiles:list","request":{"pad":"`
  const tail = '"}}'
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail
}

const small = (id: number) =>
  JSON.stringify({ type: 'invoke', id, channel: 'profiles:list', request: {} })

describe('browser-mode socket: size limits', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  it('a message of exactly MAX_MESSAGE_BYTES is read and dispatched', async () => {
    const ws = await openAuthorised(h)
    const inbox = collect(ws)
    const text = invokeOfSize(1, MAX_MESSAGE_BYTES)
    expect(Buffer.byteLength(text)).toBe(MAX_MESSAGE_BYTES)
    ws.send(text)
    const [answer] = await inbox.until(1)
    expect(answer).toMatchObject({ type: 'result', id: 1, result: { ok: true } })
    expect(h.calls).toHaveLength(1)
    ws.close()
  })

  it('one byte more is message-too-large, the socket stays open and answers the next invoke', async () => {
    const ws = await openAuthorised(h)
    const inbox = collect(ws)
    ws.send(invokeOfSize(2, MAX_MESSAGE_BYTES + 1))
    ws.send(invokeOfSize(3, 512 * 1024))
    ws.send(small(4))
    const answers = await inbox.until(3)
    expect(answers[0]).toMatchObject({
      type: 'result',
      id: 2,
      result: { ok: false, error: { code: 'message-too-large' } },
    })
    expect(answers[1]).toMatchObject({
      type: 'result',
      id: 3,
      result: { ok: false, error: { code: 'message-too-large' } },
    })
    expect(answers[2]).toMatchObject({ type: 'result', id: 4, result: { ok: true } })
    expect(h.calls).toHaveLength(1)
    expect(ws.readyState).toBe(ws.OPEN)
    ws.close()
  })

  it('an oversized message without a readable id gets an error message', async () => {
    const ws = await openAuthorised(h)
    const inbox = collect(ws)
    ws.send('y'.repeat(300 * 1024))
    const [answer] = await inbox.until(1)
    expect(answer).toMatchObject({ type: 'error', error: { code: 'message-too-large' } })
    ws.close()
  })

  it('a frame over 1 MiB closes that socket with 1009; new connections are still served', async () => {
    const ws = await openAuthorised(h)
    ws.on('error', () => undefined)
    ws.send(invokeOfSize(5, 1024 * 1024 + 16))
    expect((await closed(ws)).code).toBe(1009)
    expect(h.calls).toHaveLength(0)

    const next = await openAuthorised(h)
    const inbox = collect(next)
    next.send(small(6))
    const [answer] = await inbox.until(1)
    expect(answer).toMatchObject({ type: 'result', id: 6, result: { ok: true } })
    next.close()
  })
})
