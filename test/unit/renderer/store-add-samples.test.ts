/** addSamples: a burst in one store update; each profile's latest figures; late samples ignored. */
import { describe, expect, it } from 'vitest'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { sample, stats, status } from './store-fixture'

describe('store: addSamples', () => {
  it('one update for the whole burst, each profile with its own latest sample', () => {
    const store = createLifeguardStore()
    store.getState().mergeStatuses([status('a', 'connected', 1), status('b', 'connected', 1)])
    let updates = 0
    store.subscribe(() => updates++)
    store
      .getState()
      .addSamples([sample('a', 1_000, 1), sample('b', 1_000, 2), sample('a', 2_000, 3)])
    expect(updates).toBe(1)
    expect(selectors.statuses.pool('a')(store.getState())).toEqual(stats(3))
    expect(selectors.statuses.pool('b')(store.getState())).toEqual(stats(2))
    expect(selectors.statuses.lastSampleAt('a')(store.getState())).toBe(2_000)
    expect(selectors.statuses.history('a')(store.getState())?.toArray()).toHaveLength(2)
  })

  it('a profile whose status did not change keeps the same status object (its card stays)', () => {
    const store = createLifeguardStore()
    store.getState().mergeStatuses([status('a', 'connected', 1), status('b', 'connected', 1)])
    const before = selectors.statuses.status('b')(store.getState())
    store.getState().addSamples([sample('a', 1_000, 5)])
    expect(selectors.statuses.status('b')(store.getState())).toBe(before)
  })

  it('a sample of a profile that is not connected does not bring counts back', () => {
    const store = createLifeguardStore()
    store.getState().mergeStatuses([status('a', 'disconnected', 1)])
    store.getState().addSamples([sample('a', 1_000, 5)])
    expect(selectors.statuses.status('a')(store.getState())?.pool).toBeNull()
  })

  it('an empty burst changes nothing', () => {
    const store = createLifeguardStore()
    let updates = 0
    store.subscribe(() => updates++)
    store.getState().addSamples([])
    expect(updates).toBe(0)
  })
})
