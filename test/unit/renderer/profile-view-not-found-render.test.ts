// @vitest-environment happy-dom
/**
 * A profile id that names no profile: "not found" with a way back to the fleet (after the
 * profiles loaded; before that, a loading line, not a false "not found").
 */
import { createElement } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { ProfileView } from '../../../src/renderer/src/features/profile-view/profile-view'
import { useStore } from '../../../src/renderer/src/stores/store'
import { mount } from './dom-fixture'
import { profile } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

describe('profile view: unknown id', () => {
  it('says so and links back to the dashboard', async () => {
    useStore.getState().setProfiles([profile('p1')])
    const view = await mount(createElement(ProfileView, { id: 'gone', tab: 'overview' }))
    const page = view.byTestId('not-found')
    expect(page?.textContent).toContain('There is no profile with the id “gone”')
    const back = page?.querySelector('a')
    expect(back?.getAttribute('href')).toBe('#/')
    expect(back?.textContent).toBe('← Back to the fleet')
    expect(view.byTestId('profile-view')).toBeNull()
    await view.unmount()
  })

  it('while the profiles are loading it says that instead', async () => {
    const view = await mount(createElement(ProfileView, { id: 'p1', tab: 'overview' }))
    expect(view.byTestId('not-found')).toBeNull()
    expect(view.container.textContent).toContain('Loading profiles')
    await view.unmount()
  })

  it('a known id shows the profile with its tabs, the current one selected', async () => {
    useStore.getState().setProfiles([profile('p1', { name: 'orders' })])
    const view = await mount(createElement(ProfileView, { id: 'p1', tab: 'queue' }))
    expect(view.byTestId('profile-view')?.getAttribute('data-profile-id')).toBe('p1')
    const selected = view.byTestId('tab-queue')
    expect(selected?.getAttribute('aria-selected')).toBe('true')
    expect(selected?.getAttribute('tabindex')).toBe('0')
    expect(view.byTestId('tab-overview')?.getAttribute('aria-selected')).toBe('false')
    expect(view.byTestId('tab-overview')?.getAttribute('tabindex')).toBe('-1')
    const panel = view.container.querySelector('[role="tabpanel"]')
    expect(panel?.getAttribute('aria-labelledby')).toBe(selected?.id)
    await view.unmount()
  })
})
