/**
 * Why redaction has its own parser (conninfo.ts) instead of pg-connection-string's `parse`:
 * pg-connection-string resolves any text against `postgres://base`, so garbage "parses" and its
 * password ends up in an ordinary field. Redacting from that parsed form would echo it.
 */
import { parse } from 'pg-connection-string'
import { describe, expect, it } from 'vitest'
import { redactConnectionString, UNPARSEABLE } from '../../../src/main/engine/profiles/redact'

describe('pg-connection-string accepts garbage; the redactor does not', () => {
  it.each(['hello world password=hunter2', 'host=h password=hunter2'])('%s', (input) => {
    const parsed = parse(input)
    expect(JSON.stringify(parsed)).toContain('hunter2')
    expect(parsed.password).toBe('')
    expect(redactConnectionString(input)).not.toContain('hunter2')
  })

  it('the garbage string is unparseable for the redactor', () => {
    expect(redactConnectionString('hello world password=hunter2')).toBe(UNPARSEABLE)
  })
})
