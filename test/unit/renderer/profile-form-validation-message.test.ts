/** Main's validation message, "profile.x: ...; profile.y.z: ...", split into lines and paths. */
import { describe, expect, it } from 'vitest'
import {
  isAdvancedPath,
  readValidationMessage,
} from '../../../src/renderer/src/features/profile-form/form-model'

describe('reading main’s validation message', () => {
  it('finds plain and nested field paths', () => {
    const message =
      'profile.port: port must be between 1 and 65535; ' +
      'profile.fallbackHosts.0.host: host is required; ' +
      'profile.settings.poolMin: pool min must not be above pool max'
    expect(readValidationMessage(message)).toEqual({
      lines: [
        'port must be between 1 and 65535',
        'host is required',
        'pool min must not be above pool max',
      ],
      fields: ['port', 'fallbackHosts.0.host', 'settings.poolMin'],
    })
  })

  it('keeps a message without a path as it is', () => {
    expect(readValidationMessage('enter the password to remember')).toEqual({
      lines: ['enter the password to remember'],
      fields: [],
    })
  })

  it('knows which paths live in the Advanced section', () => {
    expect(
      ['fallbackHosts.0.port', 'settings.poolMax', 'sslkey', 'passwordCommand'].every(
        isAdvancedPath,
      ),
    ).toBe(true)
    expect(['name', 'host', 'port', 'password', 'group'].some(isAdvancedPath)).toBe(false)
  })
})
