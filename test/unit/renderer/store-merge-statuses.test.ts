/**
 * mergeStatuses (from a snapshot): a status received by event after subscribing and newer than the
 * snapshot's must not be overwritten by the (older) snapshot.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { profile, status } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

describe('store: mergeStatuses', () => {
  it('adds statuses for profiles the store does not know yet', () => {
    get().mergeStatuses([status('a', 'connected', 10), status('b', 'disconnected', 10)])
    expect(selectors.statuses.state('a')(get())).toBe('connected')
    expect(selectors.statuses.state('b')(get())).toBe('disconnected')
  })

  it('keeps an event status that is newer than the snapshot one', () => {
    get().setStatus(status('a', 'failed', 2_000))
    get().applySnapshot({ profiles: [profile('a')], statuses: [status('a', 'connected', 1_000)] })
    expect(selectors.statuses.status('a')(get())).toEqual(status('a', 'failed', 2_000))
  })

  it.each([
    { known: 1_000, incoming: 2_000 },
    { known: 1_000, incoming: 1_000 },
  ])('the snapshot replaces a known status from $known by one from $incoming', (t) => {
    get().setStatus(status('a', 'connecting', t.known))
    get().mergeStatuses([status('a', 'connected', t.incoming)])
    expect(selectors.statuses.status('a')(get())).toEqual(status('a', 'connected', t.incoming))
  })

  it('leaves statuses that the snapshot does not mention alone', () => {
    get().setStatus(status('a', 'connected', 5))
    get().mergeStatuses([status('b', 'failed', 5)])
    expect(selectors.statuses.state('a')(get())).toBe('connected')
  })
})
