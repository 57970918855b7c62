/**
 * Field-level validation with the shared schema: each message is filed under the field (or the
 * fallback host / override) it is about, in main's words; a valid form gives the draft to send.
 */
import { describe, expect, it } from 'vitest'
import {
  newProfileFields,
  noPasswordContext,
  type FormFields,
} from '../../../src/renderer/src/features/profile-form/form-model'
import {
  errorLines,
  REMEMBER_NEEDS_PASSWORD,
  validateFields,
} from '../../../src/renderer/src/features/profile-form/form-validation'

const valid: FormFields = { ...newProfileFields, name: 'orders' }
const check = (change: Partial<FormFields>, context = noPasswordContext) =>
  validateFields({ ...valid, ...change }, context)

describe('profile form validation', () => {
  it('a valid form has no errors and gives the draft', () => {
    expect(check({})).toEqual({
      errors: {},
      draft: {
        name: 'orders',
        host: 'localhost',
        port: 5432,
        database: 'postgres',
        user: 'postgres',
        sslmode: 'prefer',
      },
    })
  })

  it.each([
    [{ name: '  ' }, 'name', 'name is required'],
    [
      { host: 'bad host!' },
      'host',
      'host must be a host name, an IPv4 or IPv6 address, or a socket directory',
    ],
    [{ port: '70000' }, 'port', 'port must be between 1 and 65535'],
    [{ port: '' }, 'port', 'port must be a number'],
    [{ port: '5432.5' }, 'port', 'port must be a whole number'],
    [{ database: '' }, 'database', 'database is required'],
    [{ user: 'u'.repeat(64) }, 'user', 'user must be at most 63 characters'],
    [{ group: 'g'.repeat(61) }, 'group', 'group must be at most 60 characters'],
    [
      { sslrootcert: 'certs/ca.pem' },
      'sslrootcert',
      'root certificate must be an absolute path to a file',
    ],
    [
      { applicationName: 'café' },
      'applicationName',
      'application name must be printable ASCII (PostgreSQL replaces anything else)',
    ],
    [{ connectTimeoutS: '0' }, 'connectTimeoutS', 'connect timeout must be between 1 and 600 s'],
  ] as const)('%o -> %s: %s', (change, path, message) => {
    const result = check(change)
    expect(result.errors).toEqual({ [path]: message })
    expect(result.draft).toBeNull()
  })

  it('a client certificate without its key: the message sits under the key', () => {
    expect(check({ sslcert: '/certs/client.crt' }).errors).toEqual({
      sslkey: 'a client certificate and its key go together: give both or neither',
    })
  })

  it('a fallback host’s problems are filed under that row', () => {
    const { errors } = check({
      fallbackHosts: [
        { host: 'replica-1', port: '5432' },
        { host: 'bad host', port: '0' },
      ],
    })
    expect(errors).toEqual({
      'fallbackHosts.1.host':
        'host must be a host name, an IPv4 or IPv6 address, or a socket directory',
      'fallbackHosts.1.port': 'port must be between 1 and 65535',
    })
  })

  it('overrides: ranges per field, and pool min above pool max under pool min', () => {
    const settings = { ...valid.settings, poolMax: '1', probeIntervalMs: 'soon' }
    expect(check({ settings }).errors).toEqual({
      'settings.poolMax': 'pool max must be between 2 and 1000',
      'settings.probeIntervalMs': 'probe interval must be a number',
    })
    const inverted = { ...valid.settings, poolMax: '4', poolMin: '6' }
    expect(check({ settings: inverted }).errors).toEqual({
      'settings.poolMin': 'pool min must not be above pool max',
    })
  })

  it('Remember password needs a password, unless main holds one for this run', () => {
    expect(check({ rememberPassword: true }).errors).toEqual({ password: REMEMBER_NEEDS_PASSWORD })
    expect(check({ rememberPassword: true, password: 'pw' }).errors).toEqual({})
    expect(
      check({ rememberPassword: true }, { passwordStored: false, hasSessionPassword: true }).errors,
    ).toEqual({})
  })

  it('the summary lists each message once, in the order of the fields', () => {
    const { errors } = check({ name: '', port: '0', database: '' })
    expect(errorLines(errors)).toEqual([
      'name is required',
      'port must be between 1 and 65535',
      'database is required',
    ])
  })
})
