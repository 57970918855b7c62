/** Warnings: shown in arrival order, once per id; a dismissed id stays dismissed. */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { appInfo, warning } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()
const shownIds = () => selectors.app.warnings(get()).map((w) => w.id)

describe('store: warnings', () => {
  it('starts with no warnings', () => {
    expect(selectors.app.warnings(get())).toEqual([])
  })

  it('addWarning appends in arrival order', () => {
    get().addWarning(warning('w1'))
    get().addWarning(warning('w2'))
    get().addWarning(warning('w3'))
    expect(shownIds()).toEqual(['w1', 'w2', 'w3'])
  })

  it('a warning whose id is already shown is not added twice (the first one stays)', () => {
    get().addWarning(warning('w1', 'first'))
    get().addWarning(warning('w1', 'second'))
    expect(selectors.app.warnings(get())).toEqual([warning('w1', 'first')])
  })

  it('adding only known warnings keeps the same array (no needless re-render)', () => {
    get().addWarning(warning('w1'))
    const before = selectors.app.warnings(get())
    get().addWarning(warning('w1'))
    get().setAppInfo(appInfo([warning('w1')]))
    expect(selectors.app.warnings(get())).toBe(before)
  })

  it("setAppInfo merges the info's warnings after those already shown", () => {
    get().addWarning(warning('event'))
    get().setAppInfo(appInfo([warning('event'), warning('info-1'), warning('info-2')]))
    expect(shownIds()).toEqual(['event', 'info-1', 'info-2'])
  })

  it('a list that names the same id twice still shows it once (ids are React keys)', () => {
    get().setAppInfo(appInfo([warning('w1', 'first'), warning('w1', 'again'), warning('w2')]))
    expect(shownIds()).toEqual(['w1', 'w2'])
    expect(selectors.app.warnings(get())[0]).toEqual(warning('w1', 'first'))
  })

  it('dismissWarning removes only that warning', () => {
    get().addWarning(warning('w1'))
    get().addWarning(warning('w2'))
    get().addWarning(warning('w3'))
    get().dismissWarning('w2')
    expect(shownIds()).toEqual(['w1', 'w3'])
  })

  it('a dismissed warning stays dismissed when AppInfo is fetched again (reconnect)', () => {
    get().setAppInfo(appInfo([warning('w1'), warning('w2')]))
    get().dismissWarning('w1')
    get().setAppInfo(appInfo([warning('w1'), warning('w2')]))
    expect(shownIds()).toEqual(['w2'])
  })

  it('a dismissed warning raised again by event stays dismissed', () => {
    get().addWarning(warning('w1'))
    get().dismissWarning('w1')
    get().addWarning(warning('w1'))
    expect(shownIds()).toEqual([])
  })

  it('dismissing an id before it arrives suppresses it', () => {
    get().dismissWarning('later')
    get().addWarning(warning('later'))
    expect(shownIds()).toEqual([])
  })
})
