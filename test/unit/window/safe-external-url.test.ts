/** reliability.md A.2: openExternal only for parsed http/https links without credentials. */
import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../../src/main/window/security'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://www.postgresql.org/docs/current/',
    'http://example.com',
    'HTTPS://EXAMPLE.COM/path?q=1#frag',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'file:///etc/passwd',
    'file://server/share/evil.exe',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://evil.example/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'mailto:dba@example.com',
    'ftp://example.com/',
    'ws://example.com/',
    'about:blank',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    '//example.com',
    'example.com',
    '',
    'not a url',
    ' javascript:alert(1)',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
