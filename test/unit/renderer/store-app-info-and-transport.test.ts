/** The app slice: AppInfo and its selectors, and the transport status. */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { appInfo } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

describe('store: app info and transport', () => {
  it('before AppInfo arrives: no info, no shell, no version', () => {
    expect(selectors.app.appInfo(get())).toBeNull()
    expect(selectors.app.shell(get())).toBeUndefined()
    expect(selectors.app.version(get())).toBeUndefined()
  })

  it('setAppInfo exposes the info, its shell and its version', () => {
    const info = appInfo([], { shell: 'desktop', version: '1.2.3' })
    get().setAppInfo(info)
    expect(selectors.app.appInfo(get())).toEqual(info)
    expect(selectors.app.shell(get())).toBe('desktop')
    expect(selectors.app.version(get())).toBe('1.2.3')
  })

  it('the transport starts as connecting and follows setTransport', () => {
    expect(selectors.app.transport(get())).toBe('connecting')
    for (const s of ['connected', 'reconnecting', 'connected', 'closed'] as const) {
      get().setTransport(s)
      expect(selectors.app.transport(get())).toBe(s)
    }
  })

  it('resetting to the initial state really resets (the tests depend on it)', () => {
    get().setTransport('closed')
    get().setAppInfo(appInfo())
    useStore.setState(useStore.getInitialState(), true)
    expect(selectors.app.transport(get())).toBe('connecting')
    expect(selectors.app.appInfo(get())).toBeNull()
  })
})
