/**
 * Pasted text that is refused or only partly imported, with messages that never echo it.
 */
import { describe, expect, it } from 'vitest'
import {
  importPastedConnection,
  PASTE_UNPARSEABLE,
} from '../../../src/main/engine/profiles/import/pasted'
import { MAX_CONNECTION_STRING_BYTES } from '../../../src/main/engine/profiles/redact'

/**
 * Text that is not a valid URI or key=value string: one error with a fixed message and a fixed
 * hint for the reason, never any part of the text (it may hold a password we could not locate).
 */
const defaults = { defaultUser: 'u' }
const SECRET = 'Qx7canary'

describe('pasted text that cannot be read', () => {
  it.each([
    ['an unknown keyword', `host=h pasword=${SECRET}`, 'it uses a keyword libpq does not know'],
    [
      'an unknown URI parameter',
      `postgresql://h/db?pwd=${SECRET}`,
      'it uses a keyword libpq does not know',
    ],
    ['free text', `my password is ${SECRET}`, 'every setting must be written keyword=value'],
    ['an open quote', `host=h password='${SECRET}`, 'a quoted value is not closed'],
    [
      'an unquoted empty value',
      `port= password=${SECRET}`,
      "an empty value must be written as '' (two single quotes)",
    ],
    ['a space in a URI', `postgresql://u:${SECRET} x@h/db`, 'must be percent-encoded in a URI'],
    [
      'two @ in a URI',
      `postgresql://u:${SECRET}@x@h/db`,
      'an "@" in the user name or password must be written %40',
    ],
    [
      'a JDBC URL',
      `jdbc:postgresql://h/db?password=${SECRET}`,
      'it uses a keyword libpq does not know',
    ],
    ['a NUL character', `host=h\0password=${SECRET}`, 'it contains a NUL character'],
  ])('%s: a fixed message that quotes nothing', (_label, text, hint) => {
    const result = importPastedConnection(text, defaults)
    expect(result.candidates).toEqual([])
    expect(result.secret).toBeUndefined()
    expect(result.problems).toEqual([
      {
        severity: 'error',
        where: 'pasted text',
        message: expect.stringContaining(PASTE_UNPARSEABLE),
      },
    ])
    expect(result.problems[0]!.message).toContain(hint)
    expect(JSON.stringify(result)).not.toContain(SECRET)
  })

  it('empty or blank text: nothing to import', () => {
    for (const text of ['', '  \n\t ']) {
      expect(importPastedConnection(text, defaults).problems[0]!.message).toBe(
        'There is nothing to import: the pasted text is empty.',
      )
    }
  })

  it('text over 8 KiB is not read at all', () => {
    const text = `host=h password=${SECRET}${'x'.repeat(MAX_CONNECTION_STRING_BYTES)}`
    const result = importPastedConnection(text, defaults)
    expect(result.candidates).toEqual([])
    expect(result.problems[0]!.message).toBe(
      'The pasted text is longer than 8 KiB and was not read.',
    )
    expect(JSON.stringify(result)).not.toContain(SECRET)
  })

  it('a value that is not text', () => {
    const result = importPastedConnection({ password: SECRET }, defaults)
    expect(result.problems[0]!.message).toBe(`${PASTE_UNPARSEABLE}: it is not text.`)
    expect(JSON.stringify(result)).not.toContain(SECRET)
  })
})

/**
 * A `service=` reference: services are imported from the service file, so the text alone makes
 * a candidate only when it also names a host; either way a warning says so.
 */
describe('pasted service reference', () => {
  it('service alone: a warning and no candidate', () => {
    const result = importPastedConnection('service=billing', defaults)
    expect(result.candidates).toEqual([])
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        where: 'pasted text',
        message:
          'This text refers to the service "billing"; services are imported from the service ' +
          'file (pg_service.conf). Nothing was imported from this text.',
      },
    ])
  })

  it('service in a URI query: the same', () => {
    const result = importPastedConnection('postgresql:///?service=billing', defaults)
    expect(result.candidates).toEqual([])
    expect(result.problems[0]!.message).toMatch(/service "billing"/)
  })

  it('service with a host: a candidate from the text, and a warning', () => {
    const result = importPastedConnection('service=billing host=h dbname=d', defaults)
    expect(result.candidates).toHaveLength(1)
    expect(result.candidates[0]).toMatchObject({ hosts: ['h'], database: 'd' })
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.message).toMatch(
      /service "billing".*The service's own settings are not applied/,
    )
  })

  it('service alone with a password: no candidate, so no secret either', () => {
    const result = importPastedConnection("service=billing password='Zq9'", defaults)
    expect(result.secret).toBeUndefined()
    expect(JSON.stringify(result)).not.toContain('Zq9')
  })
})

/**
 * Settings a profile has no place for are named in one warning (keyword names only, never their
 * values); values that must not be shown or followed are refused.
 */
describe('pasted settings a profile cannot hold', () => {
  it('lists ignored keywords once, without their values', () => {
    const result = importPastedConnection(
      "host=h options='-c search_path=Zq9' keepalives=1 sslpassword=Zq9 keepalives=0 target_session_attrs=read-write",
      defaults,
    )
    expect(result.candidates).toHaveLength(1)
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        where: 'pasted text',
        message:
          'Not imported (a profile has no place for them): options, keepalives, sslpassword, ' +
          'target_session_attrs.',
      },
    ])
    expect(JSON.stringify(result)).not.toContain('Zq9')
    expect(result.secret).toBeUndefined()
  })

  it('refuses a dbname that is itself a connection string (it may hold a password)', () => {
    for (const text of [
      "dbname='host=h password=Zq9'",
      'postgresql://h/postgresql%3A%2F%2Fu%3AZq9%40h2%2Fdb',
    ]) {
      const result = importPastedConnection(text, defaults)
      expect(result.candidates).toEqual([])
      expect(result.problems[0]!.message).toBe(
        'The dbname is itself a connection string; paste that connection string instead.',
      )
      expect(JSON.stringify(result)).not.toContain('Zq9')
    }
  })

  it('does not keep private-key material given in place of an sslkey path', () => {
    const result = importPastedConnection(
      "host=h sslkey='-----BEGIN PRIVATE KEY-----Zq9-----END PRIVATE KEY-----'",
      defaults,
    )
    expect(result.candidates[0]!.sslkey).toBeUndefined()
    expect(result.problems.map((p) => p.message)).toEqual([
      'sslkey holds a private key, not a file path; not imported.',
    ])
    expect(JSON.stringify(result)).not.toContain('Zq9')
  })
})
