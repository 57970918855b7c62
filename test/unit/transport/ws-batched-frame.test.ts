/**
 * Browser mode sends each flush of the batcher as one WebSocket frame: samples of many profiles
 * coalesced into one `events` frame every 250 ms, a lone event as an `event` frame; the same
 * frame reaches every socket.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventPayloads } from '../../../src/shared/contract'
import { eventFrame } from '../../../src/main/transport/web/web-server'
import { collect, openAuthorised, startHarness, type Harness } from './web-harness'

const sample = (profileId: string, n: number) =>
  ({ profileId, stats: { total: n }, at: n }) as unknown as EventPayloads['pool:stats-changed']

describe('browser-mode server: batched frames', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  it('sends the samples of 50 profiles as one frame per flush, latest each', async () => {
    const a = await openAuthorised(h)
    const b = await openAuthorised(h)
    const inboxA = collect(a)
    const inboxB = collect(b)
    for (let round = 1; round <= 3; round++)
      for (let p = 0; p < 50; p++) h.events.emit('pool:stats-changed', sample(`p${p}`, round))
    await h.batchClock.advance(250)
    const [frameA] = await inboxA.until(1)
    const [frameB] = await inboxB.until(1)
    expect(frameA).toEqual(frameB)
    expect(frameA?.type).toBe('events')
    if (frameA?.type !== 'events') throw new Error('not a batch')
    expect(frameA.events).toHaveLength(50)
    expect(frameA.events.map((e) => (e.payload as { at: number }).at)).toEqual(Array(50).fill(3))

    h.events.emit('app:warning-raised', { id: 'w', message: 'alone' })
    const [, lone] = await inboxA.until(2)
    expect(lone).toEqual({
      type: 'event',
      channel: 'app:warning-raised',
      payload: { id: 'w', message: 'alone' },
    })
  })

  it('eventFrame: one event is an event frame, several an events frame', () => {
    const one = { channel: 'profiles:changed' as const, payload: [] }
    expect(eventFrame([one])).toEqual({ type: 'event', ...one })
    expect(eventFrame([one, one])).toEqual({ type: 'events', events: [one, one] })
  })
})
