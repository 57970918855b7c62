/**
 * The card's sparkline data: each connected status adds its probe latency (stamped with the
 * store's clock) to a bounded ring; a status that is not connected breaks the line once.
 */
import { describe, expect, it } from 'vitest'
import { LATENCY_CAPACITY } from '../../../src/renderer/src/stores/slices/statuses-slice'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { healthView, outageView } from './health-fixture'
import { status } from './store-fixture'

function setup() {
  const store = createLifeguardStore()
  let now = 10_000
  store.setState({ wallNow: () => now })
  const probe = (ms: number) =>
    store
      .getState()
      .setStatus(status('p1', 'connected', 1, { health: healthView({ latencyMs: ms }) }))
  const ring = () => selectors.statuses.latency('p1')(store.getState())?.toArray() ?? []
  return { store, probe, ring, tick: (ms: number) => (now += ms) }
}

describe('store: latency ring', () => {
  it('each probe adds a point at the store’s time', () => {
    const { probe, ring, tick } = setup()
    probe(1.5)
    tick(2_000)
    probe(3)
    expect(ring()).toEqual([
      { at: 10_000, ms: 1.5 },
      { at: 12_000, ms: 3 },
    ])
  })

  it('an outage adds one gap marker, however many statuses it brings', () => {
    const { store, probe, ring, tick } = setup()
    probe(1)
    tick(1_000)
    store.getState().setStatus(status('p1', 'connecting', 2, { health: outageView() }))
    store.getState().setStatus(status('p1', 'failed', 3, { health: outageView() }))
    tick(1_000)
    probe(2)
    expect(ring().map((p) => p.ms)).toEqual([1, null, 2])
  })

  it('a profile never connected gets no ring', () => {
    const { store } = setup()
    store.getState().setStatus(status('p2', 'failed', 1, { health: outageView() }))
    expect(selectors.statuses.latency('p2')(store.getState())).toBeUndefined()
  })

  it('bounded: the oldest points go', () => {
    const { probe, ring, tick } = setup()
    for (let i = 0; i < LATENCY_CAPACITY + 10; i++) {
      tick(1)
      probe(i)
    }
    expect(ring()).toHaveLength(LATENCY_CAPACITY)
    expect(ring()[0]?.ms).toBe(10)
  })

  it('snapshot statuses (mergeStatuses) count too', () => {
    const { store, ring } = setup()
    store
      .getState()
      .mergeStatuses([status('p1', 'connected', 1, { health: healthView({ latencyMs: 7 }) })])
    expect(ring()).toEqual([{ at: 10_000, ms: 7 }])
  })
})
