/** The ui slice: at most one dialog at a time (form or delete confirmation); modalOpen. */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

describe('store: form and dialogs', () => {
  it('starts with everything closed', () => {
    expect(selectors.ui.form(get())).toEqual({ mode: 'closed' })
    expect(selectors.ui.deleteTargetId(get())).toBeNull()
    expect(selectors.ui.modalOpen(get())).toBe(false)
  })

  it('openCreateForm opens the form in create mode', () => {
    get().openCreateForm()
    expect(selectors.ui.form(get())).toEqual({ mode: 'create' })
    expect(selectors.ui.modalOpen(get())).toBe(true)
  })

  it('openEditForm opens the form for one profile', () => {
    get().openEditForm('p1')
    expect(selectors.ui.form(get())).toEqual({ mode: 'edit', profileId: 'p1' })
    expect(selectors.ui.modalOpen(get())).toBe(true)
  })

  it('closeForm closes it', () => {
    get().openEditForm('p1')
    get().closeForm()
    expect(selectors.ui.form(get())).toEqual({ mode: 'closed' })
    expect(selectors.ui.modalOpen(get())).toBe(false)
  })

  it('askToDelete opens the confirmation and closes the form', () => {
    get().openCreateForm()
    get().askToDelete('p2')
    expect(selectors.ui.deleteTargetId(get())).toBe('p2')
    expect(selectors.ui.form(get())).toEqual({ mode: 'closed' })
    expect(selectors.ui.modalOpen(get())).toBe(true)
  })

  it.each([
    ['openCreateForm', () => get().openCreateForm()],
    ['openEditForm', () => get().openEditForm('p1')],
  ])('%s closes a pending delete confirmation', (_name, open) => {
    get().askToDelete('p2')
    open()
    expect(selectors.ui.deleteTargetId(get())).toBeNull()
  })

  it('closeDeleteDialog closes the confirmation', () => {
    get().askToDelete('p2')
    get().closeDeleteDialog()
    expect(selectors.ui.deleteTargetId(get())).toBeNull()
    expect(selectors.ui.modalOpen(get())).toBe(false)
  })

  it('keepDialogsOf leaves the create form open (it is about no existing profile)', () => {
    get().openCreateForm()
    get().keepDialogsOf([])
    expect(selectors.ui.form(get())).toEqual({ mode: 'create' })
  })

  it('keepDialogsOf closes dialogs about profiles not in the list and keeps the others', () => {
    get().openEditForm('gone')
    get().keepDialogsOf(['kept'])
    expect(selectors.ui.form(get())).toEqual({ mode: 'closed' })

    get().askToDelete('kept')
    get().keepDialogsOf(['kept'])
    expect(selectors.ui.deleteTargetId(get())).toBe('kept')
    get().keepDialogsOf(['other'])
    expect(selectors.ui.deleteTargetId(get())).toBeNull()
  })
})
