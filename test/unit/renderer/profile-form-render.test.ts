/**
 * The profile form's fields: every field of the draft has a labelled control; group suggestions
 * from the saved groups; colour as named swatches; Advanced collapsed (with a count of values set)
 * until opened; fallback hosts and overrides inside it; no message before a field is touched.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import {
  ProfileForm,
  type ProfileFormProps,
} from '../../../src/renderer/src/features/profile-form/profile-form'
import type { ProfileSummary } from '../../../src/shared/domain'
import { all, byTestId, render, text } from './render-fixture'
import { appInfo, profile } from './store-fixture'

function show(overrides: Partial<ProfileFormProps> = {}) {
  return render(
    createElement(ProfileForm, {
      titleId: 't',
      groups: ['Production', 'Reporting'],
      secretStorage: appInfo().secretStorage,
      onClose: () => undefined,
      ...overrides,
    }),
  )
}

const labels = (html: string) =>
  [...html.matchAll(/<label[^>]*>([\s\S]*?)<\/label>/g)].map((m) => text(m[1]))
const valueOf = (html: string, label: string) => {
  const id = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${label}</label>`).exec(html)?.[1]
  return new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1]
}

const tuned: ProfileSummary = profile('p1', {
  name: 'orders',
  group: 'Production',
  color: 'amber',
  fallbackHosts: [{ host: 'replica-1', port: 5433 }],
  connectTimeoutS: 7,
  settings: { poolMax: 20 },
})

describe('profile form', () => {
  it('has a labelled control for every basic field', () => {
    const html = show()
    expect(labels(html)).toEqual(
      expect.arrayContaining([
        'Name',
        'Group',
        'Host',
        'Port',
        'Database',
        'User',
        'Password',
        'SSL mode',
        'Remember password',
      ]),
    )
    expect(text(html)).toContain('Colour')
  })

  it('offers the saved groups as suggestions', () => {
    const options = byTestId(show(), 'group-options') ?? ''
    expect([...options.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'Production',
      'Reporting',
    ])
  })

  it('colour: None and eight named swatches, the chosen one checked and named in text', () => {
    const picker = byTestId(show({ profile: tuned }), 'color-picker') ?? ''
    const radios = [...picker.matchAll(/<input[^>]*type="radio"[^>]*>/g)].map((m) => m[0])
    expect(radios).toHaveLength(9)
    expect(
      radios.filter((r) => / checked=""/.test(r)).map((r) => /value="(\w*)"/.exec(r)?.[1]),
    ).toEqual(['amber'])
    expect(text(byTestId(picker, 'color-name'))).toBe('Amber')
    expect(text(picker)).toContain('None Slate Blue Teal Green Amber Orange Red Purple')
  })

  it('an edit fills the fields from the profile', () => {
    const html = show({ profile: tuned })
    expect(text(html)).toContain('Edit profile “orders”')
    expect(valueOf(html, 'Name')).toBe('orders')
    expect(valueOf(html, 'Group')).toBe('Production')
    expect(valueOf(html, 'Password')).toBe('')
  })

  it('Advanced starts collapsed, saying how many values are set', () => {
    const section = byTestId(show({ profile: tuned }), 'advanced-section') ?? ''
    expect(section).toContain('aria-expanded="false"')
    expect(text(section)).toContain('3 set')
    expect(byTestId(section, 'fallback-hosts')).toBeUndefined()
  })

  it('opened: fallback hosts as rows, SSL files, application name, timeout, command, overrides', () => {
    const html = show({ profile: tuned, advancedOpen: true })
    expect(byTestId(html, 'advanced-section')).toContain('aria-expanded="true"')
    const rows = all(html, 'fallback-host-row')
    expect(rows).toHaveLength(1)
    expect(valueOf(html, 'Fallback host 1')).toBe('replica-1')
    expect(valueOf(html, 'Port of fallback host 1')).toBe('5433')
    expect(labels(html)).toEqual(
      expect.arrayContaining([
        'Root certificate',
        'Client certificate',
        'Client key',
        'Application name',
        'Connect timeout (s)',
        'Password command',
        'Pool max',
        'Pool min',
        'Acquire timeout (ms)',
        'Probe interval (ms)',
        'Probe timeout (ms)',
        'Unavailable after (ms)',
      ]),
    )
    expect(valueOf(html, 'Connect timeout \\(s\\)')).toBe('7')
    expect(valueOf(html, 'Pool max')).toBe('20')
    expect(valueOf(html, 'Pool min')).toBe('')
  })

  it('Add fallback host is disabled once seven are listed', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ host: `r${i}`, port: 5432 }))
    const html = show({ profile: profile('p', { fallbackHosts: seven }), advancedOpen: true })
    const add = /<button[^>]*>\+ Add fallback host<\/button>/.exec(html)?.[0] ?? ''
    expect(add).toContain('disabled=""')
    expect(text(byTestId(html, 'fallback-hosts'))).toContain('At most 7 fallback hosts.')
  })

  it('shows no message and no summary before anything was touched, even for bad values', () => {
    const html = show({ profile: profile('p', { port: 0 as number }) })
    expect(html).not.toContain('field-error')
    expect(byTestId(html, 'form-error')).toBeUndefined()
    expect(html).not.toContain('aria-invalid')
  })
})
