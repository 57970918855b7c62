/** setStatus and the status selectors (defaults, pool, connected count). */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { sample, stats, status, zeroPool as zero } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

describe('store: setStatus', () => {
  it('a profile without a status reads as disconnected with an all-zero pool', () => {
    expect(selectors.statuses.status('a')(get())).toBeUndefined()
    expect(selectors.statuses.state('a')(get())).toBe('disconnected')
    expect(selectors.statuses.pool('a')(get())).toEqual(zero)
  })

  it('stores the status per profile; the newest call wins', () => {
    get().setStatus(status('a', 'connecting', 1))
    get().setStatus(status('b', 'failed', 1))
    get().setStatus(status('a', 'connected', 2, { pool: stats(3) }))
    expect(selectors.statuses.status('a')(get())).toEqual(
      status('a', 'connected', 2, { pool: stats(3) }),
    )
    expect(selectors.statuses.pool('a')(get())).toEqual(stats(3))
    expect(selectors.statuses.state('b')(get())).toBe('failed')
  })

  it('a status without a pool reads as an all-zero pool', () => {
    get().setStatus(status('a', 'disconnected', 1, { pool: null }))
    expect(selectors.statuses.pool('a')(get())).toEqual(zero)
  })

  it('connectedCount counts only connected profiles', () => {
    get().setStatus(status('a', 'connected', 1))
    get().setStatus(status('b', 'connecting', 1))
    get().setStatus(status('c', 'connected', 1))
    get().setStatus(status('d', 'disconnecting', 1))
    expect(selectors.statuses.connectedCount(get())).toBe(2)
    get().setStatus(status('a', 'failed', 2))
    expect(selectors.statuses.connectedCount(get())).toBe(1)
  })

  it('"connecting" starts a new series: empty history, no last sample', () => {
    get().setStatus(status('a', 'connected', 1))
    get().addSample(sample('a', 1_000))
    get().addSample(sample('a', 2_000))
    get().setStatus(status('a', 'disconnected', 3))
    expect(selectors.statuses.history('a')(get())?.size).toBe(2)

    get().setStatus(status('a', 'connecting', 4))
    expect(selectors.statuses.history('a')(get())?.toArray()).toEqual([])
    expect(selectors.statuses.lastSampleAt('a')(get())).toBeUndefined()
  })

  it('other states keep the history (the chart still shows the last series)', () => {
    get().setStatus(status('a', 'connected', 1))
    get().addSample(sample('a', 1_000))
    for (const state of ['disconnecting', 'disconnected', 'failed', 'connected'] as const) {
      get().setStatus(status('a', state, 2))
      expect(selectors.statuses.history('a')(get())?.toArray()).toEqual([sample('a', 1_000)])
      expect(selectors.statuses.lastSampleAt('a')(get())).toBe(1_000)
    }
  })
})
