/** parseServerMessage: only well-formed result, event and error frames get through. */
import { describe, expect, it } from 'vitest'
import { parseServerMessage } from '../../../src/renderer/src/api/ws-client'

const json = (value: unknown) => JSON.stringify(value)

describe('parseServerMessage', () => {
  it.each([
    ['a success result', { type: 'result', id: 7, result: { ok: true, data: { a: 1 } } }],
    [
      'a success result with null data',
      { type: 'result', id: 1, result: { ok: true, data: null } },
    ],
    [
      'a failure result',
      { type: 'result', id: 2, result: { ok: false, error: { code: 'timeout', message: 'slow' } } },
    ],
    ['an event', { type: 'event', channel: 'pool:stats-changed', payload: { at: 1 } }],
    ['a protocol error', { type: 'error', error: { code: 'bad-message', message: 'no JSON' } }],
  ])('accepts %s', (_name, frame) => {
    expect(parseServerMessage(json(frame))).toEqual(frame)
  })

  it('keeps only the known fields of a frame', () => {
    const frame = { type: 'event', channel: 'profiles:changed', payload: [], extra: 'x' }
    expect(parseServerMessage(json(frame))).toEqual({
      type: 'event',
      channel: 'profiles:changed',
      payload: [],
    })
  })

  it.each<[string, unknown]>([
    ['a non-string (binary) frame', new ArrayBuffer(4)],
    ['invalid JSON', '{"type":'],
    ['JSON null', 'null'],
    ['a JSON string', json('result')],
    ['a JSON array', json([{ type: 'result' }])],
    ['no type', json({ id: 1, result: { ok: true, data: 1 } })],
    ['an unknown type', json({ type: 'invoke', id: 1, channel: 'profiles:list', request: {} })],
    ['a result without id', json({ type: 'result', result: { ok: true, data: 1 } })],
    ['a result with a string id', json({ type: 'result', id: '1', result: { ok: true, data: 1 } })],
    ['a result without envelope', json({ type: 'result', id: 1 })],
    ['a result ok:true without data', json({ type: 'result', id: 1, result: { ok: true } })],
    ['a result with ok:"yes"', json({ type: 'result', id: 1, result: { ok: 'yes', data: 1 } })],
    [
      'a failure without message',
      json({ type: 'result', id: 1, result: { ok: false, error: { code: 'timeout' } } }),
    ],
    ['an event on an unknown channel', json({ type: 'event', channel: 'x:y', payload: 1 })],
    ['an event on "__proto__"', json({ type: 'event', channel: '__proto__', payload: 1 })],
    ['an event on "toString"', json({ type: 'event', channel: 'toString', payload: 1 })],
    ['an error without error info', json({ type: 'error', error: 'bad' })],
  ])('drops %s', (_name, frame) => {
    expect(parseServerMessage(frame)).toBeUndefined()
  })
})
