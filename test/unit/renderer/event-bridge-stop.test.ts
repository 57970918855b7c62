/** The function startEventBridge returns removes every listener it added. */
import { describe, expect, it } from 'vitest'
import { startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { eventChannels } from '../../../src/shared/channels'
import { status, warning } from './store-fixture'
import { fakeTransport, settle } from './event-bridge-fixture'

describe('event bridge: stop', () => {
  it('unsubscribes from every event, the status and the protocol errors', async () => {
    const fake = fakeTransport()
    const stop = startEventBridge(fake.transport, createLifeguardStore())
    await settle()
    stop()
    for (const channel of eventChannels) expect(fake.listenerCount(channel)).toBe(0)
    expect(fake.statusListenerCount()).toBe(0)
    expect(fake.errorListenerCount()).toBe(0)
  })

  it('after stopping, events no longer reach the store', async () => {
    const fake = fakeTransport()
    const store = createLifeguardStore()
    const stop = startEventBridge(fake.transport, store)
    await settle()
    stop()
    fake.emit('connection:state-changed', status('p1', 'failed', 99_999))
    fake.emit('app:warning-raised', warning('late'))
    fake.setStatus('closed')
    expect(selectors.statuses.state('p1')(store.getState())).toBe('connected')
    expect(selectors.app.warnings(store.getState())).toEqual([])
    expect(selectors.app.transport(store.getState())).not.toBe('closed')
  })
})
