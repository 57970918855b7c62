/**
 * setAttempts (main's snapshot of a timeline) merges with records already received by event, and
 * timelines of deleted profiles are forgotten.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { attempt } from './health-fixture'
import { profile } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()
const attempts = (id = 'p1') => selectors.health.attempts(id)(get())

describe('store: setAttempts', () => {
  it('fills an empty timeline from main', () => {
    get().setAttempts('p1', [attempt(1), attempt(2)])
    expect(attempts()).toEqual([attempt(1), attempt(2)])
  })

  it('records seen by event and in the snapshot are kept once; newer events stay', () => {
    get().addAttempt(attempt(2))
    get().addAttempt(attempt(3))
    get().setAttempts('p1', [attempt(1), attempt(2)])
    expect(attempts()).toEqual([attempt(1), attempt(2), attempt(3)])
  })

  it('the snapshot is put in time order whatever order it came in', () => {
    get().setAttempts('p1', [attempt(3), attempt(1), attempt(2)])
    expect(attempts().map((r) => r.attempt)).toEqual([1, 2, 3])
  })

  it('an event after the snapshot is not duplicated if it was already in it', () => {
    get().setAttempts('p1', [attempt(1), attempt(2)])
    get().addAttempt(attempt(2))
    get().addAttempt(attempt(3))
    expect(attempts()).toEqual([attempt(1), attempt(2), attempt(3)])
  })

  it('touches only the profile it is for', () => {
    get().addAttempt(attempt(1, { profileId: 'p2' }))
    get().setAttempts('p1', [attempt(1)])
    expect(attempts('p2')).toEqual([attempt(1, { profileId: 'p2' })])
  })

  it('timelines of profiles that no longer exist are forgotten', () => {
    get().addAttempt(attempt(1))
    get().addAttempt(attempt(1, { profileId: 'p2' }))
    get().setProfiles([profile('p2')])
    expect(attempts()).toEqual([])
    expect(attempts('p2')).toHaveLength(1)
  })
})
