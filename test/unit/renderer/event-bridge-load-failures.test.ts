/** A failed initial load: a warning, except for a lost server (the banner already shows that). */
import { describe, expect, it } from 'vitest'
import { startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { fail } from '../../../src/shared/result'
import { fakeTransport, settle } from './event-bridge-fixture'

describe('event bridge: load failures', () => {
  it('connection-failed on both fetches adds no warning', async () => {
    const fake = fakeTransport()
    fake.answers['app:get-info'] = () => fail('connection-failed', 'lost')
    fake.answers['monitor:get-snapshot'] = () => fail('connection-failed', 'lost')
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    expect(selectors.app.warnings(store.getState())).toEqual([])
    expect(selectors.app.appInfo(store.getState())).toBeNull()
    expect(selectors.profiles.loaded(store.getState())).toBe(false)
  })

  it('any other error on each fetch adds one warning naming what failed and why', async () => {
    const fake = fakeTransport()
    fake.answers['app:get-info'] = () => fail('internal', 'boom-info')
    fake.answers['monitor:get-snapshot'] = () => fail('storage', 'boom-snapshot')
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    const warnings = selectors.app.warnings(store.getState())
    expect(warnings).toHaveLength(2)
    expect(warnings.find((w) => w.message.includes('boom-info'))?.message).toMatch(
      /application info/,
    )
    expect(warnings.find((w) => w.message.includes('boom-snapshot'))?.message).toMatch(/profiles/)
  })

  it('one fetch failing does not keep the other from being applied', async () => {
    const fake = fakeTransport()
    fake.answers['app:get-info'] = () => fail('internal', 'boom')
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    expect(selectors.profiles.loaded(store.getState())).toBe(true)
  })

  it('the same failure after a reconnect does not stack a second warning', async () => {
    const fake = fakeTransport('connected')
    fake.answers['monitor:get-snapshot'] = () => fail('storage', 'disk')
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    fake.setStatus('reconnecting')
    fake.setStatus('connected')
    await settle()
    expect(selectors.app.warnings(store.getState())).toHaveLength(1)
  })
})
