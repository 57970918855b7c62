/** reliability.md B.9 as pure functions: the per-launch token, its comparison and its cookie. */
import { describe, expect, it } from 'vitest'
import {
  cookieName,
  newToken,
  tokenFromCookie,
  tokenFromUrl,
  tokensEqual,
} from '../../../src/main/transport/web/security'

describe('newToken', () => {
  it('is at least 43 base64url characters (256 bits)', () => {
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/)
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32)
  })

  it('is different every call', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newToken()))
    expect(tokens.size).toBe(200)
  })
})

describe('tokensEqual', () => {
  const expected = newToken()

  it('accepts the same token', () => {
    expect(tokensEqual(`${expected}`, expected)).toBe(true)
  })

  it.each([
    ['a different token of the same length', newToken()],
    ['a prefix', expected.slice(0, -1)],
    ['a suffix added', `${expected}A`],
    [
      'different case',
      expected.toUpperCase() === expected ? expected.toLowerCase() : expected.toUpperCase(),
    ],
    ['empty', ''],
    ['undefined', undefined],
    ['very long', 'A'.repeat(1_000_000)],
    ['the token repeated', expected.repeat(20)],
    ['with a NUL', `${expected}\u0000`],
  ])('refuses %s', (_label, presented) => {
    expect(tokensEqual(presented, expected)).toBe(false)
  })

  it('refuses non-strings that could come from a parsed query or cookie', () => {
    expect(tokensEqual([expected] as unknown as string, expected)).toBe(false)
    expect(tokensEqual({ toString: () => expected } as unknown as string, expected)).toBe(false)
  })
})

describe('tokenFromCookie', () => {
  const port = 8080
  const name = cookieName(port)

  it.each([
    [`${name}=abc`, 'abc'],
    [`theme=dark; ${name}=abc; lang=en`, 'abc'],
    [`theme=dark;${name}=abc`, 'abc'],
    [`  ${name}  =  abc  `, 'abc'],
    [`${name}=a=b=c`, 'a=b=c'],
    [`${cookieName(80)}=other; ${name}=mine`, 'mine'],
    [`${name}=first; ${name}=second`, 'first'],
    [`garbage; ${name}=abc`, 'abc'],
  ])('%j -> %j', (header, token) => {
    expect(tokenFromCookie(header, port)).toBe(token)
  })

  it.each([
    [undefined],
    [''],
    ['theme=dark'],
    [`${cookieName(80)}=other`],
    [`${cookieName(808)}=other`],
    [`x${name}=abc`],
    [`${name}x=abc`],
    [name],
  ])('%j -> undefined', (header) => {
    expect(tokenFromCookie(header, port)).toBeUndefined()
  })

  it('names the cookie per port, so two servers never share one', () => {
    expect(cookieName(1)).not.toBe(cookieName(10))
  })
})

describe('tokenFromUrl', () => {
  it('reads ?token= and nothing else', () => {
    expect(tokenFromUrl(new URL('http://127.0.0.1:1/?token=abc'))).toBe('abc')
    expect(tokenFromUrl(new URL('http://127.0.0.1:1/?tok=abc'))).toBeUndefined()
    expect(tokenFromUrl(new URL('http://127.0.0.1:1/#token=abc'))).toBeUndefined()
  })
})
