/**
 * events:list: one ring per profile (2000 by default), newest first, filtered by kinds, at most
 * `limit`, with the ring's total; sequence numbers increase across profiles; forget drops one.
 */
import { describe, expect, it } from 'vitest'
import { EngineEventLog, EVENTS_PER_PROFILE } from '../../../src/main/engine/events/event-log'
import { FakeClock } from '../../helpers/fake-clock'

describe('EngineEventLog.list', () => {
  it('keeps each profile apart, newest first, with increasing sequence numbers', async () => {
    const clock = new FakeClock()
    const log = new EngineEventLog({ clock, onBatch: () => undefined })
    log.record('a', 'attempt', 'info', 'a1')
    await clock.advance(1000)
    log.record('b', 'leak', 'warning', 'b1', { connectionId: 3 })
    log.record('a', 'leak', 'warning', 'a2')
    const a = log.list('a')
    expect(a.events.map((e) => e.message)).toEqual(['a2', 'a1'])
    expect(a.total).toBe(2)
    expect(a.events[0]!.at - a.events[1]!.at).toBe(1000)
    expect(log.list('b').events[0]).toMatchObject({
      profileId: 'b',
      kind: 'leak',
      severity: 'warning',
      data: { connectionId: 3 },
    })
    const seqs = [...log.list('a').events, ...log.list('b').events].map((e) => e.seq).sort()
    expect(new Set(seqs).size).toBe(3)
    expect(log.list('nobody')).toEqual({ profileId: 'nobody', events: [], total: 0 })
  })

  it('filters by kinds and limits, and stays bounded per profile', () => {
    const log = new EngineEventLog({ clock: new FakeClock(), onBatch: () => undefined })
    for (let i = 0; i < EVENTS_PER_PROFILE + 500; i++)
      log.record('p', i % 3 === 0 ? 'leak' : 'attempt', 'info', `e${i}`)
    const all = log.list('p', { limit: 5000 })
    expect(all.total).toBe(EVENTS_PER_PROFILE)
    expect(all.events).toHaveLength(EVENTS_PER_PROFILE)
    expect(all.events[0]!.message).toBe(`e${EVENTS_PER_PROFILE + 499}`)
    const leaks = log.list('p', { kinds: ['leak'], limit: 3 })
    expect(leaks.events.map((e) => e.kind)).toEqual(['leak', 'leak', 'leak'])
    expect(leaks.events[0]!.seq).toBeGreaterThan(leaks.events[1]!.seq)
    // The default limit is 500.
    expect(log.list('p').events).toHaveLength(500)
  })

  it('forget drops a profile', () => {
    const log = new EngineEventLog({ clock: new FakeClock(), onBatch: () => undefined })
    log.record('p', 'attempt', 'info', 'x')
    log.forget('p')
    expect(log.list('p').total).toBe(0)
  })
})
