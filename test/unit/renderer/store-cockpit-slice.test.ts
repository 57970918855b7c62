/** Preferences, load lab and queue statuses by event; the mute and queue-depth selectors. */
import { describe, expect, it } from 'vitest'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import type { QueueStatus } from '../../../src/shared/queue'
import { profile } from './store-fixture'

const queue = (profileId: string, depth: number): QueueStatus => ({
  profileId,
  state: 'idle',
  depth,
  maxQueueSize: 1000,
  oldestAgeMs: null,
  enqueued: 0,
  applied: 0,
  failedAttempts: 0,
  movedAside: 0,
  replayRatePerSecond: 0,
  bytesOnDisk: 0,
  exactlyOnce: false,
  blocked: null,
  damage: null,
  storageError: null,
})

describe('store: cockpit slice', () => {
  it('queue depth is null until main sent a status, then its depth', () => {
    const store = createLifeguardStore()
    expect(selectors.cockpit.queueDepth('p1')(store.getState())).toBeNull()
    store.getState().setQueueStatus(queue('p1', 12))
    expect(selectors.cockpit.queueDepth('p1')(store.getState())).toBe(12)
  })

  it('muted follows the preferences; a load failure is kept until they arrive', () => {
    const store = createLifeguardStore()
    store.getState().setPreferencesError({ code: 'invalid-state', message: 'not available yet' })
    expect(selectors.cockpit.muted('p1')(store.getState())).toBe(false)
    store.getState().setPreferences({
      mutedProfileIds: ['p1'],
      notificationsEnabled: true,
      historySink: { profileId: null, intervalMs: 10_000 },
    })
    expect(selectors.cockpit.muted('p1')(store.getState())).toBe(true)
    expect(selectors.cockpit.muted('p2')(store.getState())).toBe(false)
    expect(selectors.cockpit.preferencesError(store.getState())).toBeNull()
  })

  it('a deleted profile’s queue and load lab figures are dropped', () => {
    const store = createLifeguardStore()
    store.getState().setQueueStatus(queue('p1', 1))
    store.getState().setQueueStatus(queue('p2', 2))
    store.getState().setProfiles([profile('p2')])
    expect(selectors.cockpit.queueDepth('p1')(store.getState())).toBeNull()
    expect(selectors.cockpit.queueDepth('p2')(store.getState())).toBe(2)
  })
})
