/**
 * "Remember password": enabled where main can encrypt (naming the backend); disabled with main's
 * reason where it cannot (browser mode) or before main said; a note when a password is stored.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { RememberPassword } from '../../../src/renderer/src/components/remember-password'
import type { SecretStorageInfo } from '../../../src/shared/domain'
import { byTestId, render, text } from './render-fixture'

function show(secretStorage: SecretStorageInfo | null, passwordStored = false) {
  const html = render(
    createElement(RememberPassword, {
      id: 'r',
      checked: false,
      onChange: () => undefined,
      secretStorage,
      passwordStored,
    }),
  )
  const input = /<input[^>]*type="checkbox"[^>]*>/.exec(html)?.[0] ?? ''
  return { html, disabled: / disabled=""/.test(input) }
}

const keyring: SecretStorageInfo = { available: true, backend: 'gnome_libsecret', reason: null }
const browser: SecretStorageInfo = {
  available: false,
  backend: null,
  reason: 'Browser mode does not store passwords.',
}

describe('remember password', () => {
  it('available: enabled, naming the backend', () => {
    const { html, disabled } = show(keyring)
    expect(disabled).toBe(false)
    expect(text(html)).toContain('Encrypted with gnome_libsecret')
    expect(byTestId(html, 'remember-unavailable')).toBeUndefined()
  })

  it('unavailable: disabled, with main’s reason', () => {
    const { html, disabled } = show(browser)
    expect(disabled).toBe(true)
    expect(text(byTestId(html, 'remember-unavailable'))).toBe(
      'Browser mode does not store passwords.',
    )
  })

  it('unavailable without a reason: disabled, with a generic sentence', () => {
    const { html, disabled } = show({ available: false, backend: null, reason: null })
    expect(disabled).toBe(true)
    expect(text(byTestId(html, 'remember-unavailable'))).toBe(
      'Passwords cannot be stored encrypted here.',
    )
  })

  it('before main said: disabled, saying it is checking', () => {
    const { html, disabled } = show(null)
    expect(disabled).toBe(true)
    expect(text(byTestId(html, 'remember-unavailable'))).toContain('Checking')
  })

  it('a stored password is noted with its backend', () => {
    expect(text(byTestId(show(keyring, true).html, 'password-stored'))).toBe(
      '✓ Stored encrypted (gnome_libsecret).',
    )
    expect(byTestId(show(keyring, false).html, 'password-stored')).toBeUndefined()
  })
})
