/**
 * A password in pasted text: decoded exactly, held only in an InlineSecret.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importPastedConnection } from '../../../src/main/engine/profiles/import/pasted'
import { inspect } from 'node:util'

/**
 * A URI password is percent-decoded exactly, returned only in the InlineSecret, and the candidate
 * says passwordSource 'inline'. Raw delimiters in a password make the text unparseable (never
 * guessed into a host or database).
 */
const defaults = { defaultUser: 'osuser' }

describe('pasted URI with a password', () => {
  it.each([
    ['@', 'p@ss'],
    [':', 'p:ss'],
    ['/', 'p/ss'],
    ['#', 'p#ss'],
    ['?', 'p?ss'],
    ['%', '100%'],
    ['all of them', `@:/#?%&='"\\ é密😀`],
  ])('decodes a password containing %s', (_label, password) => {
    const result = importPastedConnection(
      `postgresql://alice:${encodeURIComponent(password)}@db.example.com:5432/app`,
      defaults,
    )
    expect(result.problems).toEqual([])
    expect(result.candidates[0]).toMatchObject({
      hosts: ['db.example.com'],
      ports: [5432],
      database: 'app',
      user: 'alice',
      passwordSource: 'inline',
    })
    expect(result.secret!.reveal()).toBe(password)
  })

  it('takes a password given as a query parameter too', () => {
    const result = importPastedConnection('postgresql://h/db?password=s%26cret', defaults)
    expect(result.candidates[0]!.passwordSource).toBe('inline')
    expect(result.secret!.reveal()).toBe('s&cret')
  })

  it('treats an empty password as none (libpq then looks in .pgpass)', () => {
    const result = importPastedConnection('postgresql://alice:@h/db', defaults)
    expect(result.candidates[0]!.passwordSource).toBe('none')
    expect(result.secret).toBeUndefined()
  })

  it.each([
    ['a raw @', 'postgresql://alice:Zq9@x@h/db'],
    ['a raw #', 'postgresql://alice:Zq9#x@h/db'],
    ['a raw /', 'postgresql://alice:Zq9/x@h/db'],
    ['a bad %', 'postgresql://alice:Zq9%@h/db'],
  ])('%s in the password: unparseable, no candidate, no secret', (_label, text) => {
    const result = importPastedConnection(text, defaults)
    expect(result.candidates).toEqual([])
    expect(result.secret).toBeUndefined()
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.message).toMatch(/^The pasted text is not a postgresql:\/\/ URI/)
    expect(JSON.stringify(result)).not.toContain('Zq9')
  })

  it('round-trips any encoded password exactly, and never shows it (property)', () => {
    const passwordArb = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .map((s) => `Pw${s}`)
    fc.assert(
      fc.property(passwordArb, (password) => {
        const result = importPastedConnection(
          `postgresql://u:${encodeURIComponent(password)}@h/db`,
          defaults,
        )
        expect(result.secret?.reveal()).toBe(password)
        expect(JSON.stringify(result)).not.toContain(password)
      }),
      { numRuns: 200 },
    )
  })
})

/**
 * The password found in pasted text is reachable only through InlineSecret.reveal(): it is in no
 * serialisation, inspection, spread or structured clone of the result.
 */
const CANARY = `Canary-pw:\\@#%'`

const inputs = [
  ['URI userinfo', `postgresql://u:${encodeURIComponent(CANARY)}@h/db`],
  ['URI query', `postgresql://h/db?password=${encodeURIComponent(CANARY)}`],
  ['key=value', `host=h password='${CANARY.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`],
] as const

describe('InlineSecret', () => {
  it.each(inputs)('%s: reveal() gives the password back exactly', (_label, text) => {
    expect(importPastedConnection(text, { defaultUser: 'u' }).secret!.reveal()).toBe(CANARY)
  })

  it.each(inputs)('%s: the password is in no view of the result', (_label, text) => {
    const result = importPastedConnection(text, { defaultUser: 'u' })
    const views = [
      JSON.stringify(result),
      JSON.stringify(result.secret),
      String(result.secret),
      `${result.secret}`,
      inspect(result, { depth: 10, showHidden: true }),
      JSON.stringify({ ...result.secret }),
      JSON.stringify(structuredClone(result)),
    ]
    for (const view of views) expect(view).not.toContain('Canary')
    expect(Object.keys(result.secret!)).toEqual([])
  })
})
