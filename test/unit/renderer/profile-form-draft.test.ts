/**
 * From a saved profile to the form and back: every field of the draft is sent (saving replaces
 * the profile), empty optional fields are left out (main's defaults), numbers parsed, and
 * "Remember password" sent only when it changes something.
 */
import { describe, expect, it } from 'vitest'
import {
  advancedCount,
  fieldsOf,
  newProfileFields,
  parseNumber,
  rememberChoice,
  toDraftInput,
} from '../../../src/renderer/src/features/profile-form/form-model'
import { profile } from './store-fixture'

const full = profile('p1', {
  name: 'orders primary',
  group: 'Production',
  color: 'teal',
  fallbackHosts: [{ host: 'replica', port: 5433 }],
  sslmode: 'verify-full',
  sslrootcert: '/certs/ca.pem',
  sslcert: '/certs/client.crt',
  sslkey: '/certs/client.key',
  applicationName: 'lifeguard-orders',
  connectTimeoutS: 5,
  passwordCommand: 'pass show db/orders',
  settings: { poolMax: 20, probeIntervalMs: 5000 },
})

describe('profile form draft', () => {
  it('a saved profile round-trips: the draft carries every field it had', () => {
    expect(toDraftInput(fieldsOf(full), full)).toEqual({
      name: 'orders primary',
      group: 'Production',
      color: 'teal',
      host: 'db.example.com',
      port: 5432,
      fallbackHosts: [{ host: 'replica', port: 5433 }],
      database: 'app',
      user: 'alice',
      sslmode: 'verify-full',
      sslrootcert: '/certs/ca.pem',
      sslcert: '/certs/client.crt',
      sslkey: '/certs/client.key',
      applicationName: 'lifeguard-orders',
      connectTimeoutS: 5,
      passwordCommand: 'pass show db/orders',
      settings: { poolMax: 20, probeIntervalMs: 5000 },
    })
  })

  it('cleared optional fields are left out, so main stores its defaults', () => {
    const fields = {
      ...fieldsOf(full),
      group: ' ',
      color: '' as const,
      fallbackHosts: [],
      sslrootcert: '',
      sslcert: '',
      sslkey: '',
      applicationName: '',
      connectTimeoutS: '',
      passwordCommand: '  ',
      settings: { ...newProfileFields.settings },
    }
    expect(toDraftInput(fields, full)).toEqual({
      name: 'orders primary',
      host: 'db.example.com',
      port: 5432,
      database: 'app',
      user: 'alice',
      sslmode: 'verify-full',
    })
  })

  it('an edit starts with an empty password (kept unless one is typed)', () => {
    expect(fieldsOf(full).password).toBe('')
    expect(toDraftInput({ ...fieldsOf(full), password: 'new' }, full).password).toBe('new')
  })

  it('numbers as typed: empty is absent, not-a-number is NaN (the schema names it)', () => {
    expect(parseNumber('')).toBeUndefined()
    expect(parseNumber(' 42 ')).toBe(42)
    expect(parseNumber('4.5')).toBe(4.5)
    expect(parseNumber('4e3')).toBeNaN()
    expect(parseNumber('abc')).toBeNaN()
  })

  it.each([
    // checked, typed, stored before -> sent
    [true, 'pw', false, true],
    [true, '', false, true],
    [true, 'pw', true, true],
    [true, '', true, undefined],
    [false, 'pw', true, false],
    [false, '', true, false],
    [false, 'pw', false, undefined],
    [false, '', false, undefined],
  ] as const)('remember %s, password %o, stored %s -> %s', (remember, password, stored, sent) => {
    expect(rememberChoice({ rememberPassword: remember, password }, stored)).toBe(sent)
  })

  it('an edit of a stored password starts with Remember checked', () => {
    expect(fieldsOf(profile('p', { passwordStored: true })).rememberPassword).toBe(true)
    expect(fieldsOf(profile('p')).rememberPassword).toBe(false)
  })

  it('counts the advanced values set (the default application name is not one)', () => {
    expect(advancedCount(newProfileFields)).toBe(0)
    expect(advancedCount(fieldsOf(profile('p')))).toBe(0)
    // fallback hosts, 3 SSL files, application name, timeout, command, 2 overrides
    expect(advancedCount(fieldsOf(full))).toBe(9)
  })
})
