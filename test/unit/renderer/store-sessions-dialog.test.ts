/** The sessions view is one of the dialogs: at most one open, modalOpen, closed with its profile. */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { profile } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

describe('store: sessions dialog', () => {
  it('opens for one profile, closing any other dialog, and makes the page inert', () => {
    get().openHealth('p1')
    get().openSessions('p1')
    expect(selectors.ui.sessionsTargetId(get())).toBe('p1')
    expect(selectors.ui.healthTargetId(get())).toBeNull()
    expect(selectors.ui.modalOpen(get())).toBe(true)
  })

  it('closes, and opening another dialog closes it', () => {
    get().openSessions('p1')
    get().closeSessions()
    expect(selectors.ui.modalOpen(get())).toBe(false)
    get().openSessions('p1')
    get().openEditForm('p1')
    expect(selectors.ui.sessionsTargetId(get())).toBeNull()
  })

  it('closes when its profile is deleted, stays when another one is', () => {
    get().openSessions('p1')
    get().setProfiles([profile('p1'), profile('p2')])
    expect(selectors.ui.sessionsTargetId(get())).toBe('p1')
    get().setProfiles([profile('p2')])
    expect(selectors.ui.sessionsTargetId(get())).toBeNull()
  })
})
