/**
 * The dashboard: cards under their group's heading (with a count), ungrouped last under
 * "No group"; without any group no heading at all; a card's colour as a dot and its name.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { ProfileCard } from '../../../src/renderer/src/features/profiles/profile-card'
import { ProfileSections } from '../../../src/renderer/src/features/profiles/profile-grid'
import { all, byTestId, render, text } from './render-fixture'
import { profile } from './store-fixture'

const names = (html: string) =>
  all(html, 'profile-card').map((c) => /data-profile-name="([^"]*)"/.exec(c)?.[1])

describe('dashboard groups', () => {
  it('cards under their group heading, ungrouped last', () => {
    const html = render(
      createElement(ProfileSections, {
        profiles: [
          profile('a', { name: 'loose' }),
          profile('b', { name: 'dw', group: 'Reporting' }),
          profile('c', { name: 'orders', group: 'Production' }),
          profile('d', { name: 'orders replica', group: 'Production' }),
        ],
        connected: 0,
      }),
    )
    const groups = all(html, 'profile-group')
    expect(groups.map((g) => text(/<h3[^>]*>([\s\S]*?)<\/h3>/.exec(g)?.[1]))).toEqual([
      'Production 2',
      'Reporting 1',
      'No group 1',
    ])
    expect(groups.map(names)).toEqual([['orders', 'orders replica'], ['dw'], ['loose']])
    // Under a group heading (h3) each card title is an h4.
    expect(groups[0]).toContain('<h4')
  })

  it('with no group at all: one grid, no headings, h3 card titles', () => {
    const html = render(
      createElement(ProfileSections, { profiles: [profile('a'), profile('b')], connected: 1 }),
    )
    expect(all(html, 'profile-group')).toEqual([])
    expect(names(html)).toEqual(['Profile a', 'Profile b'])
    expect(text(html)).toContain('2 profiles · 1 connected')
    expect(html).not.toContain('<h4')
  })

  it('a card shows its colour as a dot and the colour’s name', () => {
    const html = render(createElement(ProfileCard, { profile: profile('a', { color: 'purple' }) }))
    const tag = byTestId(html, 'profile-color') ?? ''
    expect(tag).toContain('data-color="purple"')
    expect(tag).toContain('class="color-dot pc-purple"')
    expect(text(tag)).toBe('Purple')
    expect(byTestId(html, 'profile-card')).toContain('pc-purple')
  })

  it('a card without a colour has no colour tag; fallback hosts are listed', () => {
    const html = render(
      createElement(ProfileCard, {
        profile: profile('a', {
          fallbackHosts: [
            { host: 'replica', port: 5433 },
            { host: '::1', port: 5434 },
          ],
        }),
      }),
    )
    expect(byTestId(html, 'profile-color')).toBeUndefined()
    expect(text(byTestId(html, 'fallback-hosts-summary'))).toBe('replica:5433, [::1]:5434')
  })
})
