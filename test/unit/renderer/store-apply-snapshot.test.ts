/** applySnapshot: profiles and statuses arrive together; what vanished from main is forgotten. */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { profile, sample, status } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

describe('store: applySnapshot', () => {
  it('before any snapshot: not loaded, no profiles', () => {
    expect(selectors.profiles.loaded(get())).toBe(false)
    expect(selectors.profiles.count(get())).toBe(0)
    expect(selectors.profiles.profiles(get())).toEqual([])
  })

  it('sets the profiles, marks them loaded and stores each status', () => {
    const a = profile('a')
    const b = profile('b', { name: 'Reporting' })
    get().applySnapshot({
      profiles: [a, b],
      statuses: [status('a', 'connected', 100), status('b', 'failed', 200)],
    })
    expect(selectors.profiles.loaded(get())).toBe(true)
    expect(selectors.profiles.profiles(get())).toEqual([a, b])
    expect(selectors.profiles.count(get())).toBe(2)
    expect(selectors.profiles.byId('b')(get())).toEqual(b)
    expect(selectors.profiles.byId('zzz')(get())).toBeUndefined()
    expect(selectors.statuses.state('a')(get())).toBe('connected')
    expect(selectors.statuses.state('b')(get())).toBe('failed')
  })

  it('an empty snapshot still counts as loaded (the UI shows the empty state)', () => {
    get().applySnapshot({ profiles: [], statuses: [] })
    expect(selectors.profiles.loaded(get())).toBe(true)
    expect(selectors.profiles.count(get())).toBe(0)
  })

  it('forgets status, history and last sample of a profile that is no longer listed', () => {
    get().applySnapshot({
      profiles: [profile('a'), profile('b')],
      statuses: [status('a', 'connected', 100), status('b', 'connected', 100)],
    })
    get().addSample(sample('a', 1_000))
    get().addSample(sample('b', 1_000))

    get().applySnapshot({ profiles: [profile('a')], statuses: [status('a', 'connected', 100)] })

    expect(Object.keys(get().statuses)).toEqual(['a'])
    expect(Object.keys(get().history)).toEqual(['a'])
    expect(Object.keys(get().lastSampleAt)).toEqual(['a'])
    expect(selectors.statuses.status('b')(get())).toBeUndefined()
    expect(selectors.statuses.history('b')(get())).toBeUndefined()
  })

  it('closes the edit form and the delete dialog of a profile that is gone', () => {
    get().applySnapshot({ profiles: [profile('a'), profile('b')], statuses: [] })
    get().openEditForm('b')
    get().applySnapshot({ profiles: [profile('a')], statuses: [] })
    expect(selectors.ui.form(get())).toEqual({ mode: 'closed' })

    get().askToDelete('a')
    get().applySnapshot({ profiles: [profile('b')], statuses: [] })
    expect(selectors.ui.deleteTargetId(get())).toBeNull()
  })

  it('keeps dialogs about profiles that still exist', () => {
    get().applySnapshot({ profiles: [profile('a'), profile('b')], statuses: [] })
    get().openEditForm('a')
    get().applySnapshot({ profiles: [profile('a')], statuses: [] })
    expect(selectors.ui.form(get())).toEqual({ mode: 'edit', profileId: 'a' })

    get().askToDelete('a')
    get().applySnapshot({ profiles: [profile('a')], statuses: [] })
    expect(selectors.ui.deleteTargetId(get())).toBe('a')
  })

  it('setProfiles (the profiles:changed event) also marks the list loaded and prunes', () => {
    get().setStatus(status('x', 'connected', 1))
    get().setProfiles([profile('a')])
    expect(selectors.profiles.loaded(get())).toBe(true)
    expect(selectors.statuses.status('x')(get())).toBeUndefined()
  })
})
