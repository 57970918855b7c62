/** The ui slice and the import dialog: one dialog at a time, and the page inert behind it. */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

describe('store: import dialog', () => {
  it('starts closed; openImport opens it and makes the page modal', () => {
    expect(selectors.ui.importOpen(get())).toBe(false)
    get().openImport()
    expect(selectors.ui.importOpen(get())).toBe(true)
    expect(selectors.ui.modalOpen(get())).toBe(true)
  })

  it('closeImport closes it', () => {
    get().openImport()
    get().closeImport()
    expect(selectors.ui.importOpen(get())).toBe(false)
    expect(selectors.ui.modalOpen(get())).toBe(false)
  })

  it('opening it closes any other dialog', () => {
    get().openEditForm('p1')
    get().openImport()
    expect(selectors.ui.form(get())).toEqual({ mode: 'closed' })
    get().closeImport()
    get().askToDelete('p1')
    get().openImport()
    expect(selectors.ui.deleteTargetId(get())).toBeNull()
  })

  it.each([
    ['openCreateForm', () => get().openCreateForm()],
    ['openEditForm', () => get().openEditForm('p1')],
    ['askToDelete', () => get().askToDelete('p1')],
    ['openPalette', () => get().openPalette()],
    ['openDrain', () => get().openDrain('p1')],
  ])('%s closes it', (_name, open) => {
    get().openImport()
    open()
    expect(selectors.ui.importOpen(get())).toBe(false)
  })

  it('survives a profile list change (it is about no existing profile)', () => {
    get().openImport()
    get().keepDialogsOf([])
    expect(selectors.ui.importOpen(get())).toBe(true)
  })
})
