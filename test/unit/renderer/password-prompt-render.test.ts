/**
 * The password prompt at connect carries the same "Remember password" checkbox, and the connect
 * request sends rememberPassword only with a typed password and the box checked.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { PasswordPrompt } from '../../../src/renderer/src/features/profiles/password-prompt'
import { connectRequest } from '../../../src/renderer/src/features/profiles/use-profile-actions'
import type { SecretStorageInfo } from '../../../src/shared/domain'
import { byTestId, render, text } from './render-fixture'

function show(secretStorage: SecretStorageInfo | null) {
  return render(
    createElement(PasswordPrompt, {
      user: 'alice',
      pending: false,
      secretStorage,
      onSubmit: () => undefined,
      onCancel: () => undefined,
    }),
  )
}

describe('password prompt', () => {
  it('asks for the user’s password and offers Remember password', () => {
    const html = show({ available: true, backend: 'Keychain', reason: null })
    expect(text(byTestId(html, 'password-prompt'))).toContain('For user alice.')
    const box = /<input[^>]*type="checkbox"[^>]*>/.exec(html)?.[0] ?? ''
    expect(box).not.toContain('disabled')
    expect(text(html)).toContain('Remember password')
  })

  it('where passwords cannot be stored, the box is disabled and says why', () => {
    const html = show({ available: false, backend: null, reason: 'No keyring on this desktop.' })
    expect(/<input[^>]*type="checkbox"[^>]*>/.exec(html)?.[0]).toContain('disabled=""')
    expect(text(byTestId(html, 'remember-unavailable'))).toBe('No keyring on this desktop.')
  })

  it('connect requests: none, typed, typed and remembered', () => {
    expect(connectRequest('p1', undefined, true)).toEqual({ id: 'p1' })
    expect(connectRequest('p1', 'pw', false)).toEqual({ id: 'p1', password: 'pw' })
    expect(connectRequest('p1', 'pw', true)).toEqual({
      id: 'p1',
      password: 'pw',
      rememberPassword: true,
    })
  })
})
