/** Every error code main can send has its own headline; hints, where given, are a sentence. */
import { describe, expect, it } from 'vitest'
import { errorHint, errorTitle } from '../../../src/renderer/src/lib/error-text'
import { errorCodes, type ErrorCode, type ErrorInfo } from '../../../src/shared/result'

const info = (code: ErrorCode): ErrorInfo => ({ code, message: 'm' })

describe('error text', () => {
  it.each(errorCodes)('%s has a specific headline (not the generic fallback)', (code) => {
    const title = errorTitle(info(code))
    expect(title.trim()).not.toBe('')
    expect(title).not.toBe('Error')
    expect(title).not.toBe(code)
  })

  it.each(errorCodes)('%s: a hint, if any, is a non-empty sentence', (code) => {
    const hint = errorHint(info(code))
    if (hint === undefined) return
    expect(hint.trim()).not.toBe('')
    expect(hint).toMatch(/^[A-Z].*[.?]$/)
  })

  it.each<[ErrorCode, string, RegExp]>([
    ['auth-failed', 'Authentication failed', /password/],
    ['unknown-database', 'Database does not exist', /database name/],
    ['no-pg-hba-entry', 'Rejected by pg_hba.conf', /pg_hba\.conf/],
    ['ssl-required', 'SSL required', /SSL mode/],
    ['connection-refused', 'Connection refused', /host and port/],
    ['host-not-found', 'Host not found', /host name/],
    ['timeout', 'Timed out', /firewall/],
    ['rate-limited', 'Too many requests', /Wait/],
  ])('%s reads "%s" with a hint matching %s', (code, title, hint) => {
    expect(errorTitle(info(code))).toBe(title)
    expect(errorHint(info(code))).toMatch(hint)
  })

  it('the connection-related codes a DBA can act on all have a hint', () => {
    const actionable: ErrorCode[] = [
      'auth-failed',
      'unknown-database',
      'no-pg-hba-entry',
      'ssl-required',
      'too-many-connections',
      'server-starting',
      'connection-refused',
      'host-not-found',
      'host-unreachable',
      'timeout',
    ]
    expect(actionable.filter((code) => errorHint(info(code)) === undefined)).toEqual([])
  })

  it('an unknown code from a newer server falls back to "Error" with no hint', () => {
    const future = { code: 'from-the-future', message: 'm' } as unknown as ErrorInfo
    expect(errorTitle(future)).toBe('Error')
    expect(errorHint(future)).toBeUndefined()
  })

  it('a code inherited from Object.prototype is not mistaken for a known one', () => {
    const odd = { code: 'toString', message: 'm' } as unknown as ErrorInfo
    expect(errorTitle(odd)).toBe('Error')
    expect(errorHint(odd)).toBeUndefined()
  })
})
