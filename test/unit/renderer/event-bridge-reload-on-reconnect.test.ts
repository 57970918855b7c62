/** The store mirrors the transport status; after a lost connection the snapshot is fetched again. */
import { describe, expect, it } from 'vitest'
import { startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { profile, status } from './store-fixture'
import { fakeTransport, settle } from './event-bridge-fixture'

describe('event bridge: reconnect', () => {
  it('copies the current transport status at start and every change after', () => {
    const fake = fakeTransport('connected')
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    expect(selectors.app.transport(store.getState())).toBe('connected')
    for (const s of ['reconnecting', 'connected', 'closed'] as const) {
      fake.setStatus(s)
      expect(selectors.app.transport(store.getState())).toBe(s)
    }
  })

  it('the first connect does not fetch a second time', async () => {
    const fake = fakeTransport('connecting')
    startEventBridge(fake.transport, createLifeguardStore())
    fake.setStatus('connected')
    await settle()
    expect(fake.invokeCount('monitor:get-snapshot')).toBe(1)
    expect(fake.invokeCount('app:get-info')).toBe(1)
  })

  it('reconnecting -> connected fetches AppInfo and the snapshot again, once', async () => {
    const fake = fakeTransport('connecting')
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    fake.setStatus('connected')
    await settle()

    fake.answers['monitor:get-snapshot'] = () => ({
      ok: true,
      data: { profiles: [profile('new')], statuses: [status('new', 'connected', 9_000)] },
    })
    fake.setStatus('reconnecting')
    await settle()
    expect(fake.invokeCount('monitor:get-snapshot')).toBe(1)

    fake.setStatus('connected')
    await settle()
    expect(fake.invokeCount('monitor:get-snapshot')).toBe(2)
    expect(fake.invokeCount('app:get-info')).toBe(2)
    expect(selectors.profiles.profiles(store.getState())).toEqual([profile('new')])

    // A second 'connected' without a loss in between does not fetch again.
    fake.setStatus('connected')
    await settle()
    expect(fake.invokeCount('monitor:get-snapshot')).toBe(2)
  })

  it('a first connection that fails and then succeeds loads the snapshot', async () => {
    const fake = fakeTransport('connecting')
    fake.answers['monitor:get-snapshot'] = () => ({
      ok: false,
      error: { code: 'connection-failed', message: 'lost' },
    })
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    expect(selectors.profiles.loaded(store.getState())).toBe(false)

    fake.answers['monitor:get-snapshot'] = () => ({
      ok: true,
      data: { profiles: [profile('p1')], statuses: [] },
    })
    fake.setStatus('reconnecting')
    fake.setStatus('connected')
    await settle()
    expect(selectors.profiles.loaded(store.getState())).toBe(true)
  })
})
