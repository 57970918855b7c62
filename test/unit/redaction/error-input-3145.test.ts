/**
 * node-postgres #3145: WHATWG URL errors carry the whole rejected string in `err.input`, so a
 * bad connection string (here an unsubstituted `:port` placeholder) ends up, password and all,
 * wherever the error is logged. Redaction must not echo it back from any of its entry points.
 */
import { describe, expect, it } from 'vitest'
import {
  redactConnectionString,
  redactParams,
  UNPARSEABLE,
} from '../../../src/main/engine/profiles/redact'

const PASSWORD = 'Sup3r-Secret-3145'
const bad = `postgres://admin:${PASSWORD}@db.internal:port/app`

function urlError(): { input?: unknown; message: string } {
  try {
    new URL(bad)
  } catch (err) {
    return err as { input?: unknown; message: string }
  }
  throw new Error('expected URL to reject the string')
}

describe('node-postgres #3145: a bad connection string in an error input field', () => {
  it('the URL error really carries the password (the leak being defended against)', () => {
    expect(urlError().input).toBe(bad)
  })

  it('redacting the error input gives only the placeholder', () => {
    const out = redactConnectionString(urlError().input)
    expect(out).toBe(UNPARSEABLE)
    expect(out).not.toContain(PASSWORD)
  })

  it('redacting the raw string, or params holding it, gives only the placeholder', () => {
    expect(redactConnectionString(bad)).toBe(UNPARSEABLE)
    const params = redactParams({ connectionString: bad, host: 'db.internal' })
    expect(params).toEqual({ connectionString: UNPARSEABLE, host: 'db.internal' })
    expect(JSON.stringify(params)).not.toContain(PASSWORD)
  })
})
