/**
 * A batch frame (`{type: 'events', events}`, one flush of main's EventBatcher) is delivered event
 * by event, in order, to each channel's listeners, as if each had come alone; an entry on an
 * unknown channel is dropped without losing the others.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createWsClient, parseServerMessage } from '../../../src/renderer/src/api/ws-client'
import { installFakeWebSocket, socketNo } from './fake-web-socket'
import { sample, status } from './store-fixture'

beforeEach(() => installFakeWebSocket())
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('ws-client: batched events', () => {
  it('delivers every event of a batch in order, across channels', () => {
    const client = createWsClient({ url: 'ws://h/ws' })
    const ws = socketNo(0)
    ws.serverOpens()
    const seen: string[] = []
    client.api.onPoolStatsChanged((s) => seen.push(`stats ${s.profileId} ${s.at}`))
    client.api.onConnectionStateChanged((s) => seen.push(`state ${s.profileId} ${s.state}`))
    ws.serverSends({
      type: 'events',
      events: [
        { channel: 'pool:stats-changed', payload: sample('p1', 1) },
        { channel: 'pool:stats-changed', payload: sample('p2', 2) },
        { channel: 'connection:state-changed', payload: status('p1', 'failed', 3) },
      ],
    })
    expect(seen).toEqual([
      `stats p1 ${sample('p1', 1).at}`,
      `stats p2 ${sample('p2', 2).at}`,
      'state p1 failed',
    ])
  })

  it('drops entries on unknown channels and keeps the rest', () => {
    expect(
      parseServerMessage(
        JSON.stringify({
          type: 'events',
          events: [
            { channel: '__proto__', payload: 1 },
            { channel: 'profiles:changed', payload: [] },
            'not an event',
            { channel: 'x:y', payload: 2 },
          ],
        }),
      ),
    ).toEqual({ type: 'events', events: [{ channel: 'profiles:changed', payload: [] }] })
  })

  it.each([
    ['no list', { type: 'events' }],
    ['a list that is not one', { type: 'events', events: { 0: {} } }],
  ])('a batch frame with %s is dropped', (_name, frame) => {
    expect(parseServerMessage(JSON.stringify(frame))).toBeUndefined()
  })
})
