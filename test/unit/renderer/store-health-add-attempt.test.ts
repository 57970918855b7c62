/** addAttempt: per profile, oldest first, bounded, and a record that arrives twice is kept once. */
import { beforeEach, describe, expect, it } from 'vitest'
import { TIMELINE_CAPACITY } from '../../../src/renderer/src/stores/slices/health-slice'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { attempt } from './health-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()
const attempts = (id = 'p1') => selectors.health.attempts(id)(get())

describe('store: addAttempt', () => {
  it('a profile without records has an empty timeline (the same array each time)', () => {
    expect(attempts()).toEqual([])
    expect(attempts()).toBe(attempts('other'))
  })

  it('appends per profile, oldest first', () => {
    get().addAttempt(attempt(1))
    get().addAttempt(attempt(1, { profileId: 'p2' }))
    get().addAttempt(attempt(2))
    expect(attempts()).toEqual([attempt(1), attempt(2)])
    expect(attempts('p2')).toEqual([attempt(1, { profileId: 'p2' })])
  })

  it('the same record twice (same start, number and trigger) is kept once', () => {
    get().addAttempt(attempt(1))
    const before = get().attempts
    get().addAttempt({ ...attempt(1) })
    expect(attempts()).toEqual([attempt(1)])
    expect(get().attempts).toBe(before)
  })

  it('a record that arrives late is put in time order', () => {
    get().addAttempt(attempt(1))
    get().addAttempt(attempt(3))
    get().addAttempt(attempt(2))
    expect(attempts().map((r) => r.attempt)).toEqual([1, 2, 3])
  })

  it(`keeps the newest ${TIMELINE_CAPACITY} records`, () => {
    for (let n = 1; n <= TIMELINE_CAPACITY + 5; n++) get().addAttempt(attempt(n))
    expect(attempts()).toHaveLength(TIMELINE_CAPACITY)
    expect(attempts()[0]?.attempt).toBe(6)
    expect(attempts().at(-1)?.attempt).toBe(TIMELINE_CAPACITY + 5)
  })

  it('failureCount counts failed records only', () => {
    get().addAttempt(attempt(1))
    get().addAttempt(attempt(2))
    get().addAttempt(attempt(3, { outcome: 'success', errorClass: null, message: null }))
    expect(selectors.health.failureCount('p1')(get())).toBe(2)
  })
})
