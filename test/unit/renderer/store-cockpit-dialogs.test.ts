/**
 * The cockpit's dialogs share the one-dialog rule: palette, shortcuts, drain, shutdown and
 * export each close the others, make the page inert, and close with their profile.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { profile } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))
const get = () => useStore.getState()

const opens = [
  ['palette', () => get().openPalette(), () => selectors.ui.paletteOpen(get())],
  ['shortcuts', () => get().openShortcuts(), () => selectors.ui.shortcutsOpen(get())],
  ['drain', () => get().openDrain('p1'), () => selectors.ui.drainTargetId(get()) === 'p1'],
  [
    'shutdown',
    () => get().askToShutdown('p1'),
    () => selectors.ui.shutdownTargetId(get()) === 'p1',
  ],
  [
    'export',
    () => get().openExport({ profileId: null }),
    () => selectors.ui.exportTarget(get()) !== null,
  ],
] as const

describe('store: cockpit dialogs', () => {
  it.each(opens)('%s opens, makes the page inert, and closes the form', (_name, open, isOpen) => {
    get().openEditForm('p1')
    open()
    expect(isOpen()).toBe(true)
    expect(selectors.ui.modalOpen(get())).toBe(true)
    expect(selectors.ui.form(get())).toEqual({ mode: 'closed' })
  })

  it('opening one closes another', () => {
    get().openDrain('p1')
    get().openPalette()
    expect(selectors.ui.drainTargetId(get())).toBeNull()
    get().askToShutdown('p1')
    expect(selectors.ui.paletteOpen(get())).toBe(false)
  })

  it('drain, shutdown and a profile’s export close when the profile is deleted', () => {
    get().openDrain('p1')
    get().setProfiles([profile('p2')])
    expect(selectors.ui.drainTargetId(get())).toBeNull()
    get().askToShutdown('p2')
    get().setProfiles([profile('p2')])
    expect(selectors.ui.shutdownTargetId(get())).toBe('p2')
    get().openExport({ profileId: 'p2' })
    get().setProfiles([])
    expect(selectors.ui.exportTarget(get())).toBeNull()
    get().openExport({ profileId: null })
    get().setProfiles([])
    expect(selectors.ui.exportTarget(get())).toEqual({ profileId: null })
  })

  it('toasts keep the newest few', () => {
    for (let i = 0; i < 6; i++) get().showToast('info', `n${i}`)
    expect(selectors.ui.toasts(get()).map((t) => t.text)).toEqual(['n2', 'n3', 'n4', 'n5'])
    const first = selectors.ui.toasts(get())[0]
    if (first) get().dismissToast(first.id)
    expect(selectors.ui.toasts(get())).toHaveLength(3)
  })
})
