/**
 * The output is a canonical re-serialisation: it parses back to the same structure, and
 * redacting already-redacted text changes nothing.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  LIBPQ_KEYWORDS,
  parseConnectionUri,
  parseConninfo,
  serialiseConnectionUri,
  serialiseConninfo,
  type ConnectionUri,
} from '../../../src/main/engine/profiles/conninfo'
import { redactConnectionString } from '../../../src/main/engine/profiles/redact'

const keyword = fc.constantFrom(...[...LIBPQ_KEYWORDS].filter((k) => k !== 'dbname'))
const text = fc.string({ unit: 'binary', maxLength: 16 }).filter((s) => !s.includes('\0'))
const pairs = fc.array(fc.record({ key: keyword, value: text }), { maxLength: 6 })
/** No lone surrogates (a URI cannot encode them; the redactor shows the placeholder). */
const wellFormed = (s: string) => {
  try {
    encodeURIComponent(s)
    return true
  } catch {
    return false
  }
}
const uriText = text.filter(wellFormed)

const uri: fc.Arbitrary<ConnectionUri> = fc.record({
  user: fc.option(uriText, { nil: undefined }),
  password: fc.option(uriText, { nil: undefined }),
  hosts: fc.array(
    fc.record({
      host: fc.oneof(uriText, fc.constantFrom('::1', 'fe80::1%eth0', '/tmp')),
      port: fc.constantFrom('', '0', '5432', '65535'),
    }),
    { maxLength: 3 },
  ),
  dbname: fc.option(uriText, { nil: undefined }),
  params: fc.array(fc.record({ key: keyword, value: uriText }), { maxLength: 4 }),
})

describe('canonical serialisation', () => {
  it('key=value: serialise then parse gives the same pairs', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const parsed = parseConninfo(serialiseConninfo(ps))
        expect(parsed).toEqual({ ok: true, value: ps })
      }),
      { numRuns: 500 },
    )
  })

  it('URI: serialise then parse gives the same structure', () => {
    fc.assert(
      fc.property(uri, (u) => {
        // A user is written when non-empty, or (possibly empty) when a password follows.
        const user = u.password !== undefined ? (u.user ?? '') : u.user === '' ? undefined : u.user
        const expected = { ...u, user }
        // A single empty host is indistinguishable from no hostspec.
        if (
          expected.hosts.length === 1 &&
          expected.hosts[0]!.host === '' &&
          expected.hosts[0]!.port === ''
        ) {
          expected.hosts = []
        }
        expect(parseConnectionUri(serialiseConnectionUri(u))).toEqual({ ok: true, value: expected })
      }),
      { numRuns: 500 },
    )
  })

  it('redaction is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(pairs.map(serialiseConninfo), uri.map(serialiseConnectionUri)), (s) => {
        const once = redactConnectionString(s)
        expect(redactConnectionString(once)).toBe(once)
      }),
      { numRuns: 500 },
    )
  })
})
