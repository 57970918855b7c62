/**
 * setStatus and the chart history: a connected profile that loses its database goes to
 * 'connecting' (reconnecting) and keeps its history; only a connection that starts from
 * disconnected (or from no status at all) starts a new series.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { outageView } from './health-fixture'
import { sample, status } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()
const history = () => selectors.statuses.history('a')(get())?.toArray()

function connectedWithSamples() {
  get().setStatus(status('a', 'connecting', 1))
  get().setStatus(status('a', 'connected', 2))
  get().addSample(sample('a', 1_000, 1))
  get().addSample(sample('a', 2_000, 2))
}

describe('store: reconnecting keeps the chart history', () => {
  it('connected -> connecting (outage) keeps the samples and the last sample time', () => {
    connectedWithSamples()
    get().setStatus(status('a', 'connecting', 3, { health: outageView() }))
    expect(history()).toEqual([sample('a', 1_000, 1), sample('a', 2_000, 2)])
    expect(selectors.statuses.lastSampleAt('a')(get())).toBe(2_000)
  })

  it('the whole outage (connecting, failed, connected again) is one series', () => {
    connectedWithSamples()
    get().setStatus(status('a', 'connecting', 3, { health: outageView() }))
    get().setStatus(status('a', 'failed', 4, { health: outageView() }))
    get().setStatus(status('a', 'connected', 5))
    get().addSample(sample('a', 6_000, 3))
    expect(history()).toEqual([sample('a', 1_000, 1), sample('a', 2_000, 2), sample('a', 6_000, 3)])
  })

  it('a failed profile retried into connecting keeps its history too', () => {
    connectedWithSamples()
    get().setStatus(status('a', 'failed', 3, { health: outageView() }))
    get().setStatus(status('a', 'connecting', 4, { health: outageView() }))
    expect(history()).toHaveLength(2)
  })

  it('connecting after disconnected starts a new series', () => {
    connectedWithSamples()
    get().setStatus(status('a', 'disconnected', 3))
    get().setStatus(status('a', 'connecting', 4))
    expect(history()).toEqual([])
    expect(selectors.statuses.lastSampleAt('a')(get())).toBeUndefined()
  })

  it('connecting as the first status of a profile starts a new series (drops stray samples)', () => {
    get().addSample(sample('a', 500, 1))
    get().setStatus(status('a', 'connecting', 1))
    expect(history()).toEqual([])
  })

  it('other profiles are not touched', () => {
    connectedWithSamples()
    get().setStatus(status('b', 'disconnected', 1))
    get().setStatus(status('b', 'connecting', 2))
    expect(history()).toHaveLength(2)
  })
})
