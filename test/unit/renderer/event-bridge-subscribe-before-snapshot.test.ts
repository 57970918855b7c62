/** Start-up order: every event is subscribed before the snapshot is fetched, so none is missed. */
import { describe, expect, it } from 'vitest'
import { startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { eventChannels } from '../../../src/shared/channels'
import { appInfo, profile, status } from './store-fixture'
import { defaultSnapshot, fakeTransport, settle } from './event-bridge-fixture'

describe('event bridge: start-up order', () => {
  it('subscribes to every event channel, and only then invokes getAppInfo and getSnapshot', () => {
    const fake = fakeTransport()
    startEventBridge(fake.transport, createLifeguardStore())

    const subscribes = fake.log.filter((e) => e.startsWith('subscribe '))
    expect(subscribes.map((e) => e.slice('subscribe '.length)).sort()).toEqual(
      [...eventChannels].sort(),
    )
    const lastSubscribe = fake.log.findLastIndex((e) => e.startsWith('subscribe '))
    const firstInvoke = fake.log.findIndex((e) => e.startsWith('invoke '))
    expect(firstInvoke).toBeGreaterThan(lastSubscribe)
    expect(fake.log.slice(lastSubscribe + 1).sort()).toEqual([
      'invoke app:get-info',
      'invoke monitor:get-snapshot',
    ])
  })

  it('subscribes to each channel exactly once', () => {
    const fake = fakeTransport()
    startEventBridge(fake.transport, createLifeguardStore())
    for (const channel of eventChannels) expect(fake.listenerCount(channel)).toBe(1)
  })

  it('applies the fetched AppInfo and snapshot to the store', async () => {
    const fake = fakeTransport()
    const info = appInfo([], { version: '9.9.9' })
    fake.answers['app:get-info'] = () => ({ ok: true, data: info })
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    expect(selectors.app.appInfo(store.getState())).toEqual(info)
    expect(selectors.profiles.profiles(store.getState())).toEqual(defaultSnapshot.profiles)
    expect(selectors.statuses.state('p1')(store.getState())).toBe('connected')
  })

  it('an event that arrives while the snapshot is on its way is not lost', async () => {
    const fake = fakeTransport()
    fake.answers['monitor:get-snapshot'] = () => ({
      ok: true,
      data: { profiles: [profile('p1')], statuses: [status('p1', 'connecting', 1_000)] },
    })
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    // Between the subscription and the snapshot's answer, main reports the connection.
    fake.emit('connection:state-changed', status('p1', 'connected', 2_000))
    await settle()
    expect(selectors.statuses.status('p1')(store.getState())).toEqual(
      status('p1', 'connected', 2_000),
    )
  })
})
