/**
 * The dashboard's arrangement over time: a profile's state change re-arranges at once; under a
 * live sort (latency, pool use, alerts) samples re-sort at most once per beat; under a name sort
 * samples never do. Listeners hear only of real changes.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import {
  DashboardArranger,
  LIVE_RESORT_MS,
} from '../../../src/renderer/src/features/dashboard/dashboard-arranger'
import { defaultQuery } from '../../../src/renderer/src/features/dashboard/dashboard-model'
import { createLifeguardStore, type LifeguardStore } from '../../../src/renderer/src/stores/store'
import { manualTimers } from './manual-timers'
import { profile, sample, stats, status } from './store-fixture'

let store: LifeguardStore
let timers: ReturnType<typeof manualTimers>

beforeEach(() => {
  store = createLifeguardStore()
  timers = manualTimers(0)
  store.getState().setProfiles([profile('a', { name: 'a' }), profile('b', { name: 'b' })])
  store
    .getState()
    .mergeStatuses([
      status('a', 'connected', 1, { pool: stats(1) }),
      status('b', 'connected', 1, { pool: stats(2) }),
    ])
})

function follow(sort: 'name' | 'pool', state: 'all' | 'connected' = 'all') {
  const arranger = new DashboardArranger(store, { ...defaultQuery, sort, state }, timers.source)
  let heard = 0
  const stop = arranger.subscribe(() => heard++)
  const order = () => arranger.getSnapshot().groups.flatMap((g) => g.ids)
  return { arranger, order, heard: () => heard, stop }
}

describe('dashboard arranger', () => {
  it('under a live sort a sample re-sorts only when the beat comes', () => {
    const view = follow('pool')
    expect(view.order()).toEqual(['b', 'a'])
    store.getState().addSamples([sample('a', 1_000, 9)])
    expect(view.order()).toEqual(['b', 'a'])
    timers.advance(LIVE_RESORT_MS - 1)
    expect(view.order()).toEqual(['b', 'a'])
    timers.advance(1)
    expect(view.order()).toEqual(['a', 'b'])
    expect(view.heard()).toBe(1)
  })

  it('many samples within one beat: one re-sort, one timer', () => {
    const view = follow('pool')
    for (let i = 0; i < 50; i++) store.getState().addSamples([sample('a', 1_000 + i, i % 10)])
    expect(timers.pending()).toBe(1)
    timers.advance(LIVE_RESORT_MS)
    expect(timers.pending()).toBe(0)
    expect(view.heard()).toBeLessThanOrEqual(1)
  })

  it('under the name sort samples arm no timer and change nothing', () => {
    const view = follow('name')
    store.getState().addSamples([sample('b', 1_000, 9)])
    expect(timers.pending()).toBe(0)
    expect(view.heard()).toBe(0)
  })

  it('a state change re-arranges at once (the state filter follows it)', () => {
    const view = follow('name', 'connected')
    expect(view.order()).toEqual(['a', 'b'])
    store.getState().setStatus(status('a', 'failed', 2))
    expect(view.order()).toEqual(['b'])
    expect(view.heard()).toBe(1)
  })

  it('a new profile appears at once', () => {
    const view = follow('name')
    store
      .getState()
      .setProfiles([
        profile('a', { name: 'a' }),
        profile('b', { name: 'b' }),
        profile('c', { name: 'c' }),
      ])
    expect(view.order()).toEqual(['a', 'b', 'c'])
  })

  it('after the last listener leaves it follows nothing and leaves no timer', () => {
    const view = follow('pool')
    store.getState().addSamples([sample('a', 1_000, 9)])
    view.stop()
    expect(timers.pending()).toBe(0)
    store.getState().setStatus(status('a', 'failed', 2))
    expect(view.heard()).toBe(0)
  })
})
