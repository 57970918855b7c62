/**
 * How the write queue's and the history sink's state reach the store: the start-up snapshot's
 * queue statuses (so every card shows its depth at once), queue:changed (several in one task make
 * one store update), history:changed and history:get-status at start; a deleted profile's queue
 * status goes; isHistorySink names the sink's profile.
 */
import { describe, expect, it } from 'vitest'
import { startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import type { HistorySinkStatus } from '../../../src/shared/queue'
import { ok } from '../../../src/shared/result'
import { fakeTransport, settle } from './event-bridge-fixture'
import { queueStatus } from './queue-fixture'
import { profile, status } from './store-fixture'

const sink = (profileId: string | null, snapshotsTaken = 0): HistorySinkStatus => ({
  profileId,
  intervalMs: 10_000,
  tablesReady: profileId !== null,
  snapshotsTaken,
  lastSnapshotAt: null,
  lastError: null,
})

async function started(answers: Parameters<typeof fakeTransport>[0] = 'connected') {
  const fake = fakeTransport(answers)
  fake.answers['monitor:get-snapshot'] = () =>
    ok({
      profiles: [profile('p1'), profile('p2')],
      statuses: [status('p1', 'connected', 1), status('p2', 'disconnected', 1)],
      queues: [queueStatus('p1', { depth: 4 }), queueStatus('p2')],
    })
  fake.answers['history:get-status'] = () => ok(sink('p1', 3))
  const store = createLifeguardStore()
  const updates: number[] = []
  store.subscribe((s, previous) => {
    if (s.queues !== previous.queues) updates.push(Object.keys(s.queues).length)
  })
  startEventBridge(fake.transport, store)
  await settle()
  return { fake, store, updates, state: () => store.getState() }
}

describe('the queue and history sink in the store', () => {
  it('takes every queue status from the start-up snapshot, and the sink status from main', async () => {
    const { state, fake } = await started()
    expect(selectors.cockpit.queueDepth('p1')(state())).toBe(4)
    expect(selectors.cockpit.queueDepth('p2')(state())).toBe(0)
    expect(fake.invokeCount('history:get-status')).toBe(1)
    expect(selectors.cockpit.historySink(state())).toEqual(sink('p1', 3))
    expect(selectors.cockpit.isHistorySink('p1')(state())).toBe(true)
    expect(selectors.cockpit.isHistorySink('p2')(state())).toBe(false)
  })

  it('applies queue:changed, a burst in one store update, and history:changed', async () => {
    const { fake, state, updates } = await started()
    updates.length = 0
    fake.emit('queue:changed', queueStatus('p1', { depth: 5 }))
    fake.emit('queue:changed', queueStatus('p2', { depth: 1 }))
    fake.emit('queue:changed', queueStatus('p1', { depth: 6 }))
    expect(selectors.cockpit.queueDepth('p1')(state())).toBe(4)
    await settle()
    expect(updates).toHaveLength(1)
    expect(selectors.cockpit.queueDepth('p1')(state())).toBe(6)
    expect(selectors.cockpit.queueDepth('p2')(state())).toBe(1)
    fake.emit('history:changed', sink(null))
    expect(selectors.cockpit.isHistorySink('p1')(state())).toBe(false)
  })

  it('drops a deleted profile’s queue status', async () => {
    const { fake, state } = await started()
    fake.emit('profiles:changed', [profile('p2')])
    expect(state().queues['p1']).toBeUndefined()
    expect(selectors.cockpit.queueDepth('p2')(state())).toBe(0)
  })
})
