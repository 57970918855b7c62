/**
 * G.33: random passwords, embedded correctly and incorrectly in URIs and key=value strings, never
 * appear in the output, and input that cannot be parsed yields exactly the placeholder.
 *
 * Every password is `Pw!` + characters drawn from upper-case ASCII, the awkward punctuation and
 * non-ASCII text. Every other field (user, hosts, database, application name) is lower-case ASCII,
 * digits, '.', '_' or an IPv6 literal, and the fixed text the serialiser adds is lower-case too.
 * So a correct output contains no upper-case letter and no non-ASCII character at all: finding
 * one means some fragment of the password leaked, raw or percent-encoded (`%2F`, `%C3%A9`).
 * That is a far stronger check than a substring search for the whole password.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatConninfoValue,
  parseConnectionUri,
  parseConninfo,
} from '../../../src/main/engine/profiles/conninfo'
import {
  MAX_CONNECTION_STRING_BYTES,
  redactConnectionString,
  UNPARSEABLE,
} from '../../../src/main/engine/profiles/redact'

const RUNS = 600

const PASSWORD_CHARS = [
  ...'@:/#?%\'\\"= &,[]!*~+;$()',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...['é', 'ß', 'Ω', '密', '码', '😀', 'ü', '\u00a0', 'Ж'],
]
const password = fc
  .array(fc.constantFrom(...PASSWORD_CHARS), { minLength: 1, maxLength: 24 })
  .map((chars) => `Pw!${chars.join('')}`)
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/)
const host = fc.oneof(
  fc.constantFrom('localhost', '10.0.0.5', '::1', '2001:db8::7'),
  fc.stringMatching(/^[a-z][a-z0-9]{0,8}(\.[a-z][a-z0-9]{0,8}){0,2}$/),
)
const endpoint = fc.record({ host, port: fc.constantFrom('', '5432', '6543') })
const fields = fc.record({
  user: word,
  db: word,
  app: word,
  endpoints: fc.array(endpoint, { minLength: 1, maxLength: 3 }),
})
type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never

const uriHost = (h: string) => (h.includes(':') ? `[${h}]` : h)
const uriHosts = (f: Fields) =>
  f.endpoints.map((e) => (e.port ? `${uriHost(e.host)}:${e.port}` : uriHost(e.host))).join(',')
const kvHosts = (f: Fields) =>
  `host=${f.endpoints.map((e) => e.host).join(',')} port=${formatConninfoValue(f.endpoints.map((e) => e.port).join(','))}`

/** Escape for an unquoted libpq value: backslash before whitespace, quote and backslash. */
const backslashEscape = (v: string) =>
  [...v].map((c) => (c === ' ' || c === "'" || c === '\\' ? `\\${c}` : c)).join('')

function expectNoLeak(out: string, pw: string): void {
  expect(out).not.toContain(pw)
  expect(out).not.toContain('Pw')
  expect(out).not.toContain(encodeURIComponent(pw))
  expect(out).not.toContain(formatConninfoValue(pw))
  expect(out).not.toMatch(/[A-Z\u0080-\u{10FFFF}]/u)
}

describe('redaction property (G.33)', () => {
  it('correctly embedded passwords are masked and the rest is kept', () => {
    fc.assert(
      fc.property(fields, password, (f, pw) => {
        const enc = encodeURIComponent
        const query = `sslmode=verify-full&application_name=${f.app}`
        const cases: Array<[string, string]> = [
          [
            `postgresql://${f.user}:${enc(pw)}@${uriHosts(f)}/${f.db}?${query}`,
            `postgresql://${f.user}:********@${uriHosts(f)}/${f.db}?${query}`,
          ],
          [
            `postgres://${f.user}@${uriHosts(f)}/${f.db}?password=${enc(pw)}&sslpassword=${enc(pw)}`,
            `postgresql://${f.user}@${uriHosts(f)}/${f.db}?password=********&sslpassword=********`,
          ],
          [
            `${kvHosts(f)} user=${f.user} password=${formatConninfoValue(pw)} dbname=${f.db}`,
            `${kvHosts(f)} user=${f.user} password=******** dbname=${f.db}`,
          ],
          [
            `user = ${f.user}\tpassword=${backslashEscape(pw)}\nsslpassword='${backslashEscape(pw)}'`,
            `user=${f.user} password=******** sslpassword=********`,
          ],
        ]
        for (const [input, expected] of cases) {
          const out = redactConnectionString(input)
          expect(out).toBe(expected)
          expectNoLeak(out, pw)
        }
        // The parsers really recovered the password (so the mask stands for the right text).
        const uri = parseConnectionUri(cases[0]![0])
        expect(uri.ok && uri.value.password).toBe(pw)
        const kv = parseConninfo(cases[3]![0])
        expect(kv.ok && kv.value.map((p) => p.value)).toEqual([f.user, pw, pw])
      }),
      { numRuns: RUNS },
    )
  })

  it('incorrectly embedded passwords never leak; invalid input is exactly the placeholder', () => {
    fc.assert(
      fc.property(fields, password, (f, pw) => {
        const mustBeInvalid = [
          // unterminated quote
          `${kvHosts(f)} password='${backslashEscape(pw)}`,
          // a mistyped keyword must not be shown
          `${kvHosts(f)} pasword=${formatConninfoValue(pw)}`,
          // double quotes are not URI syntax
          `postgresql://${f.user}:"${pw}"@${uriHosts(f)}/${f.db}`,
          // too long
          `postgresql://${f.user}:${encodeURIComponent(pw)}@${uriHosts(f)}/${f.db}?application_name=${'a'.repeat(MAX_CONNECTION_STRING_BYTES)}`,
        ]
        // Raw (unencoded) in a URI: a delimiter or forbidden character makes it unparseable.
        const rawUri = `postgresql://${f.user}:${pw}@${uriHosts(f)}/${f.db}`
        if ([...pw].some((c) => '@/?#" \\[]'.includes(c))) mustBeInvalid.push(rawUri)
        for (const input of mustBeInvalid) {
          expect(redactConnectionString(input)).toBe(UNPARSEABLE)
        }
        const mayParse = [
          rawUri,
          // raw and unquoted in key=value: libpq splits at whitespace, reads \x as x
          `${kvHosts(f)} user=${f.user} password=${pw} dbname=${f.db}`,
          // raw inside quotes: an inner ' ends the value early
          `${kvHosts(f)} password='${pw}' dbname=${f.db}`,
          // raw as a query value
          `postgresql://${uriHosts(f)}/${f.db}?password=${pw}`,
        ]
        for (const input of [...mustBeInvalid, ...mayParse]) {
          expectNoLeak(redactConnectionString(input), pw)
        }
      }),
      { numRuns: RUNS },
    )
  })
})
