/** Every socket message gets an answer; unreadable ones are `bad-message` and reach no handler. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { collect, openAuthorised, startHarness, type Harness } from './web-harness'

const invoke = (id: number) =>
  JSON.stringify({ type: 'invoke', id, channel: 'profiles:list', request: {} })

describe('browser-mode socket: bad messages', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  /** Sends `text`, then a valid invoke: the bad one is answered first and the socket still works. */
  async function answerTo(data: string | Buffer, binary = false) {
    const ws = await openAuthorised(h)
    const inbox = collect(ws)
    ws.send(data, { binary })
    ws.send(invoke(99))
    const [bad, good] = await inbox.until(2)
    expect(good).toEqual({
      type: 'result',
      id: 99,
      result: { ok: true, data: { echoed: 'profiles:list' } },
    })
    expect(h.calls).toHaveLength(1)
    ws.close()
    return bad
  }

  it.each([
    ['not JSON', '{'],
    ['an empty message', ''],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['a JSON number', '42'],
    ['a JSON string', '"invoke"'],
    ['missing id', JSON.stringify({ type: 'invoke', channel: 'profiles:list', request: {} })],
    [
      'a string id',
      JSON.stringify({ type: 'invoke', id: '1', channel: 'profiles:list', request: {} }),
    ],
  ])('%s -> error bad-message (no id to answer to)', async (_label, text) => {
    expect(await answerTo(text)).toMatchObject({ type: 'error', error: { code: 'bad-message' } })
  })

  it.each([
    ['type is not invoke', { type: 'result', id: 5, channel: 'profiles:list', request: {} }],
    ['missing type', { id: 5, channel: 'profiles:list', request: {} }],
    ['an extra key', { type: 'invoke', id: 5, channel: 'profiles:list', request: {}, extra: 1 }],
    ['a non-string channel', { type: 'invoke', id: 5, channel: 7, request: {} }],
    ['a huge channel', { type: 'invoke', id: 5, channel: 'x'.repeat(1000), request: {} }],
    ['a fractional id', { type: 'invoke', id: 5.5, channel: 'profiles:list', request: {} }],
    ['a negative id', { type: 'invoke', id: -5, channel: 'profiles:list', request: {} }],
    [
      'a __proto__ key',
      JSON.parse('{"type":"invoke","id":5,"channel":"x","request":{},"__proto__":{}}'),
    ],
  ])('%s -> bad-message, answered to its numeric id', async (_label, message) => {
    const bad = await answerTo(JSON.stringify(message))
    expect(bad).toMatchObject({
      type: 'result',
      result: { ok: false, error: { code: 'bad-message' } },
    })
    if (bad?.type === 'result') expect(bad.id).toBe((message as { id: number }).id)
  })

  it('broken JSON with a readable id is answered to that id', async () => {
    expect(await answerTo('{"type":"invoke","id":12,"channel":')).toMatchObject({
      type: 'result',
      id: 12,
      result: { ok: false, error: { code: 'bad-message' } },
    })
  })

  it('a binary message -> bad-message', async () => {
    const bad = await answerTo(Buffer.from(invoke(3)), true)
    expect(bad).toMatchObject({ type: 'error', error: { code: 'bad-message' } })
  })

  it('a 100k-deep request is carried to dispatch without crashing the server', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const text = `{"type":"invoke","id":4,"channel":"profiles:list","request":${deep}}`
    const ws = await openAuthorised(h)
    const inbox = collect(ws)
    ws.send(text)
    ws.send(invoke(5))
    const answers = await inbox.until(2)
    expect(answers.map((m) => (m.type === 'result' ? m.id : -1)).sort()).toEqual([4, 5])
    ws.close()
  })
})
