/** A stats sample updates the pool figures of a connected profile only. */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { sample, stats, status, zeroPool } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

describe('store: samples and the pool figures', () => {
  it("a connected profile shows the latest sample's figures; the rest of the status is kept", () => {
    get().setStatus(status('a', 'connected', 42))
    get().addSample(sample('a', 1_000, 4))
    expect(selectors.statuses.pool('a')(get())).toEqual(stats(4))
    expect(selectors.statuses.status('a')(get())).toEqual(
      status('a', 'connected', 42, { pool: stats(4) }),
    )
  })

  it.each(['disconnected', 'disconnecting', 'failed', 'connecting'] as const)(
    'a late sample does not bring counts back to a %s profile',
    (state) => {
      get().setStatus(status('a', state, 42, { pool: null }))
      get().addSample(sample('a', 1_000, 7))
      expect(selectors.statuses.status('a')(get())?.pool).toBeNull()
      expect(selectors.statuses.pool('a')(get())).toEqual(zeroPool)
    },
  )

  it('a sample for a profile without any status creates no status', () => {
    get().addSample(sample('ghost', 1_000, 3))
    expect(selectors.statuses.status('ghost')(get())).toBeUndefined()
    expect(selectors.statuses.state('ghost')(get())).toBe('disconnected')
  })
})
