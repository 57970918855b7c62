/** The contract over one WebSocket: invoke -> result, emitter event -> event message. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eventChannels, type EventPayloads } from '../../../src/shared/contract'
import { collect, eventsOf, openAuthorised, startHarness, type Harness } from './web-harness'
import { coalescedChannels } from '../../../src/main/transport/event-batcher'

describe('browser-mode server: invoke and events over the socket', () => {
  let h: Harness
  let closed = false
  beforeEach(async () => {
    h = await startHarness()
    closed = false
  })
  afterEach(async () => {
    if (!closed) await h.close()
  })

  it('an invoke is answered with the dispatch result under the same id', async () => {
    const ws = await openAuthorised(h)
    const inbox = collect(ws)
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'profiles:list', request: {} }))
    const [message] = await inbox.until(1)
    expect(message).toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, data: { echoed: 'profiles:list' } },
    })
    expect(h.calls).toEqual([{ channel: 'profiles:list', request: {} }])
  })

  it('answers concurrent invokes each under its own id', async () => {
    const ws = await openAuthorised(h)
    const inbox = collect(ws)
    for (const id of [7, 8, 9])
      ws.send(
        JSON.stringify({ type: 'invoke', id, channel: 'pool:connect', request: { id: 'p1' } }),
      )
    const ids = (await inbox.until(3)).map((m) => (m.type === 'result' ? m.id : -1))
    expect(ids.sort()).toEqual([7, 8, 9])
  })

  it('every emitted event reaches every open socket, in order, alone or in a batch frame', async () => {
    const a = await openAuthorised(h)
    const b = await openAuthorised(h)
    const inboxA = collect(a)
    const inboxB = collect(b)
    eventChannels.forEach((channel, i) =>
      h.events.emit(channel, { n: i } as unknown as EventPayloads[typeof channel]),
    )
    const expected = eventChannels.map((channel, i) => ({ channel, payload: { n: i } }))
    // The sample channels wait for the next event (or the 250 ms flush) and travel with it: one
    // frame fewer than events for each (each is followed by an event that is sent at once), and
    // nothing left pending.
    const frames = eventChannels.length - coalescedChannels.size
    expect(eventsOf(await inboxA.until(frames))).toEqual(expected)
    expect(eventsOf(await inboxB.until(frames))).toEqual(expected)
    expect(inboxA.messages.filter((m) => m.type === 'events')).toHaveLength(coalescedChannels.size)
    expect(h.calls).toHaveLength(0)
  })

  it('close() unsubscribes from the emitter', async () => {
    for (const channel of eventChannels) expect(h.events.listenerCount(channel)).toBe(1)
    closed = true
    await h.close()
    for (const channel of eventChannels) expect(h.events.listenerCount(channel)).toBe(0)
  })
})
