/** The hash routes: the dashboard, a profile's tabs, anything else "not found"; format inverts parse. */
import { describe, expect, it } from 'vitest'
import {
  formatRoute,
  parseRoute,
  profileRoute,
  profileTabs,
} from '../../../src/renderer/src/lib/route'

describe('routes', () => {
  it.each(['', '#', '#/'])('%j is the dashboard', (hash) => {
    expect(parseRoute(hash)).toEqual({ view: 'dashboard' })
  })

  it('a profile without a tab opens its overview', () => {
    expect(parseRoute('#/profile/abc_1-2')).toEqual({
      view: 'profile',
      id: 'abc_1-2',
      tab: 'overview',
    })
  })

  it.each(profileTabs)('the %s tab', (tab) => {
    expect(parseRoute(`#/profile/p1/${tab}`)).toEqual({ view: 'profile', id: 'p1', tab })
    expect(parseRoute(`#/profile/p1/${tab}/`)).toEqual({ view: 'profile', id: 'p1', tab })
  })

  it.each([
    '#/profile',
    '#/profile/p1/unknown-tab',
    '#/profile/p1/events/extra',
    '#/profile/not%20an%20id',
    '#/profile/%E0%A4%A',
    '#/profile/' + 'x'.repeat(65),
    '#/settings',
    '#/<script>',
  ])('%s is not found', (hash) => {
    const route = parseRoute(hash)
    expect(route.view).toBe('not-found')
  })

  it('format is the inverse of parse for every tab', () => {
    for (const tab of profileTabs) {
      const route = profileRoute('db-7', tab)
      expect(formatRoute(route)).toBe(`#/profile/db-7/${tab}`)
      expect(parseRoute(formatRoute(route))).toEqual(route)
    }
    expect(formatRoute({ view: 'dashboard' })).toBe('#/')
  })

  it('an unknown path keeps its text (shown on the not-found page)', () => {
    expect(parseRoute('#/no/such/page')).toEqual({ view: 'not-found', path: '/no/such/page' })
  })
})
