/** A profile's event ring keeps the newest `capacity` events, newest first, in fixed memory. */
import { describe, expect, it } from 'vitest'
import { EventRing } from '../../../src/main/engine/events/event-ring'
import type { EngineEvent, EngineEventKind } from '../../../src/shared/cockpit'

const event = (seq: number, kind: EngineEventKind = 'attempt'): EngineEvent => ({
  seq,
  profileId: 'p1',
  at: seq * 1000,
  kind,
  severity: 'info',
  message: `event ${seq}`,
  data: {},
})

describe('EventRing', () => {
  it('holds at most its capacity, dropping the oldest', () => {
    const ring = new EventRing(5)
    for (let i = 1; i <= 12; i++) ring.push(event(i))
    expect(ring.size).toBe(5)
    expect(ring.newest(100).map((e) => e.seq)).toEqual([12, 11, 10, 9, 8])
  })

  it('before it is full, gives what it has, newest first', () => {
    const ring = new EventRing(2000)
    for (let i = 1; i <= 3; i++) ring.push(event(i))
    expect(ring.newest(10).map((e) => e.seq)).toEqual([3, 2, 1])
    expect(ring.newest(2).map((e) => e.seq)).toEqual([3, 2])
  })

  it('filters by kind before the limit', () => {
    const ring = new EventRing(10)
    const kinds: EngineEventKind[] = ['leak', 'attempt', 'attempt', 'leak', 'attempt', 'leak']
    kinds.forEach((k, i) => ring.push(event(i + 1, k)))
    expect(ring.newest(2, new Set<EngineEventKind>(['leak'])).map((e) => e.seq)).toEqual([6, 4])
  })

  it('refuses a capacity below 1', () => {
    expect(() => new EventRing(0)).toThrow(RangeError)
  })
})
