/**
 * Engine events in the renderer: newest first, unique by seq, bounded; kept only for profiles
 * whose list was loaded; filtered by kind and severity; data and times as readable text.
 */
import { describe, expect, it } from 'vitest'
import {
  allEvents,
  dataText,
  eventTime,
  filterEvents,
} from '../../../src/renderer/src/features/events/events-model'
import { mergeEvents } from '../../../src/renderer/src/stores/slices/events-slice'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import type { EngineEvent } from '../../../src/shared/cockpit'

function event(seq: number, overrides: Partial<EngineEvent> = {}): EngineEvent {
  return {
    seq,
    profileId: 'p1',
    at: 1_000 + seq,
    kind: 'connection-created',
    severity: 'info',
    message: `event ${seq}`,
    data: {},
    ...overrides,
  }
}
const seqs = (list: readonly EngineEvent[]) => list.map((e) => e.seq)

describe('events ring', () => {
  it('merges newest first and keeps each seq once', () => {
    expect(seqs(mergeEvents([event(3), event(1)], [event(2), event(3), event(5)]))).toEqual([
      5, 3, 2, 1,
    ])
  })

  it('keeps at most its capacity, dropping the oldest', () => {
    const many = Array.from({ length: 30 }, (_, i) => event(i + 1))
    expect(seqs(mergeEvents([], many, 10))).toEqual([30, 29, 28, 27, 26, 25, 24, 23, 22, 21])
  })

  it('live batches reach only profiles whose list was loaded', () => {
    const store = createLifeguardStore()
    store.getState().addEngineEvents([event(1)])
    expect(selectors.events.watched('p1')(store.getState())).toBe(false)
    store.getState().setEngineEvents('p1', [event(1)])
    store.getState().addEngineEvents([event(2), event(3, { profileId: 'p2' })])
    expect(seqs(selectors.events.events('p1')(store.getState()))).toEqual([2, 1])
    expect(selectors.events.events('p2')(store.getState())).toEqual([])
  })

  it('a deleted profile’s events are dropped', () => {
    const store = createLifeguardStore()
    store.getState().setEngineEvents('p1', [event(1)])
    store.getState().setProfiles([])
    expect(selectors.events.watched('p1')(store.getState())).toBe(false)
  })
})

describe('events filter', () => {
  const list = [
    event(4, { kind: 'leak', severity: 'critical' }),
    event(3, { kind: 'acquire-timeout', severity: 'warning' }),
    event(2, { kind: 'leak', severity: 'warning' }),
    event(1),
  ]

  it('all kinds and severities: everything', () => {
    expect(seqs(filterEvents(list, allEvents))).toEqual([4, 3, 2, 1])
  })

  it('by kind', () => {
    expect(seqs(filterEvents(list, { ...allEvents, kind: 'leak' }))).toEqual([4, 2])
  })

  it('by severity', () => {
    expect(seqs(filterEvents(list, { kind: null, severities: new Set(['warning']) }))).toEqual([
      3, 2,
    ])
  })

  it('both', () => {
    expect(seqs(filterEvents(list, { kind: 'leak', severities: new Set(['critical']) }))).toEqual([
      4,
    ])
  })
})

describe('events text', () => {
  it('data as key=value text, markup left as it is (React escapes it)', () => {
    expect(dataText({ connectionId: 3, reason: '<b>idle</b>', ok: true, pid: null })).toBe(
      'connectionId=3 · reason=<b>idle</b> · ok=true · pid=null',
    )
  })

  it('times of today with ms; other days with the date', () => {
    const now = new Date(2026, 0, 2, 12, 0, 0).getTime()
    expect(eventTime(new Date(2026, 0, 2, 9, 3, 7, 5).getTime(), now)).toBe('09:03:07.005')
    expect(eventTime(new Date(2026, 0, 1, 23, 59, 59, 999).getTime(), now)).toBe(
      '2026-01-01 23:59:59.999',
    )
  })
})
