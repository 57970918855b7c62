/** The health view is one of the dialogs: at most one open, modalOpen, closed with its profile. */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { profile } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

describe('store: health dialog', () => {
  it('starts closed', () => {
    expect(selectors.ui.healthTargetId(get())).toBeNull()
  })

  it('openHealth opens it for one profile and makes the page behind inert', () => {
    get().openHealth('p1')
    expect(selectors.ui.healthTargetId(get())).toBe('p1')
    expect(selectors.ui.modalOpen(get())).toBe(true)
  })

  it('closeHealth closes it', () => {
    get().openHealth('p1')
    get().closeHealth()
    expect(selectors.ui.healthTargetId(get())).toBeNull()
    expect(selectors.ui.modalOpen(get())).toBe(false)
  })

  it('opening it closes the form and a pending delete confirmation', () => {
    get().openEditForm('p1')
    get().openHealth('p1')
    expect(selectors.ui.form(get())).toEqual({ mode: 'closed' })
    get().askToDelete('p2')
    get().openHealth('p1')
    expect(selectors.ui.deleteTargetId(get())).toBeNull()
  })

  it.each([
    ['openCreateForm', () => get().openCreateForm()],
    ['openEditForm', () => get().openEditForm('p1')],
    ['askToDelete', () => get().askToDelete('p1')],
  ])('%s closes it', (_name, open) => {
    get().openHealth('p1')
    open()
    expect(selectors.ui.healthTargetId(get())).toBeNull()
  })

  it('closes when its profile is deleted, stays open while it exists', () => {
    get().openHealth('p1')
    get().setProfiles([profile('p1'), profile('p2')])
    expect(selectors.ui.healthTargetId(get())).toBe('p1')
    get().setProfiles([profile('p2')])
    expect(selectors.ui.healthTargetId(get())).toBeNull()
  })
})
