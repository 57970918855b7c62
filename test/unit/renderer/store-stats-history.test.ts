/** addSample: one history entry per second (the newest of each second wins), bounded. */
import { beforeEach, describe, expect, it } from 'vitest'
import { HISTORY_CAPACITY } from '../../../src/renderer/src/stores/slices/statuses-slice'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { sample, status } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()
const historyOf = (id: string) => selectors.statuses.history(id)(get())?.toArray() ?? []

describe('store: stats history', () => {
  it('keeps two minutes at one entry per second', () => {
    expect(HISTORY_CAPACITY).toBe(120)
  })

  it('several samples within one second leave one entry: the newest', () => {
    get().setStatus(status('a', 'connected', 0))
    get().addSample(sample('a', 10_000, 1))
    get().addSample(sample('a', 10_400, 2))
    get().addSample(sample('a', 10_999, 3))
    expect(historyOf('a')).toEqual([sample('a', 10_999, 3)])
  })

  it('a new second starts a new entry (buckets are whole wall-clock seconds)', () => {
    get().setStatus(status('a', 'connected', 0))
    get().addSample(sample('a', 10_999, 1))
    get().addSample(sample('a', 11_000, 2))
    get().addSample(sample('a', 11_500, 3))
    get().addSample(sample('a', 12_001, 4))
    expect(historyOf('a')).toEqual([
      sample('a', 10_999, 1),
      sample('a', 11_500, 3),
      sample('a', 12_001, 4),
    ])
  })

  it('never holds more than HISTORY_CAPACITY entries; the oldest seconds drop out', () => {
    get().setStatus(status('a', 'connected', 0))
    const seconds = HISTORY_CAPACITY + 30
    for (let s = 0; s < seconds; s++) {
      get().addSample(sample('a', s * 1_000, s))
      get().addSample(sample('a', s * 1_000 + 500, s))
    }
    const history = historyOf('a')
    expect(history).toHaveLength(HISTORY_CAPACITY)
    expect(history[0]?.at).toBe(30 * 1_000 + 500)
    expect(history.at(-1)?.at).toBe((seconds - 1) * 1_000 + 500)
  })

  it('lastSampleAt follows every sample, even one that replaced the entry of its second', () => {
    get().setStatus(status('a', 'connected', 0))
    get().addSample(sample('a', 5_000))
    expect(selectors.statuses.lastSampleAt('a')(get())).toBe(5_000)
    get().addSample(sample('a', 5_250))
    expect(selectors.statuses.lastSampleAt('a')(get())).toBe(5_250)
  })

  it('each profile has its own history', () => {
    get().addSample(sample('a', 1_000, 1))
    get().addSample(sample('b', 1_100, 2))
    expect(historyOf('a')).toEqual([sample('a', 1_000, 1)])
    expect(historyOf('b')).toEqual([sample('b', 1_100, 2)])
  })

  it('the ring is updated in place: the chart holding it sees new samples', () => {
    get().setStatus(status('a', 'connected', 0))
    get().addSample(sample('a', 1_000))
    const ring = selectors.statuses.history('a')(get())
    get().addSample(sample('a', 2_000))
    expect(selectors.statuses.history('a')(get())).toBe(ring)
    expect(ring?.size).toBe(2)
  })
})
