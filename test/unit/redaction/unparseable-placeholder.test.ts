import { describe, expect, it } from 'vitest'
import {
  MAX_CONNECTION_STRING_BYTES,
  redactConnectionString,
  UNPARSEABLE,
} from '../../../src/main/engine/profiles/redact'

describe('redactConnectionString: unparseable input becomes exactly the placeholder', () => {
  it.each([
    ['unterminated quote', "host=h password='hunter2"],
    ['missing =', 'host=h hunter2'],
    ['free text', 'hello world hunter2'],
    ['empty keyword', 'host=h =hunter2'],
    ['unknown keyword (a typo must not leak)', 'host=h pasword=hunter2'],
    ['keywords are case-sensitive', 'PASSWORD=hunter2'],
    // libpq would read "host=hunter2" as the port: an empty value written unquoted.
    ['blank after = then a key=value word', 'port= password=hunter2'],
    ['NUL character', 'password=hunter2\0'],
    ['non-numeric port', 'postgres://u:hunter2@host:port/db'],
    ['port out of range', 'postgresql://u:hunter2@h:99999/db'],
    ['two @ (unencoded @ in password)', 'postgresql://u:hun@ter2@h/db'],
    ['unencoded / in password', 'postgresql://u:hun/ter2@h/db'],
    ['unencoded ? in password', 'postgresql://u:hun?ter2@h/db'],
    ['unencoded # in password', 'postgresql://u:hun#ter2@h/db'],
    ['unencoded space in password', 'postgresql://u:hun ter2@h/db'],
    ['unencoded " in password', 'postgresql://u:hun"ter2@h/db'],
    ['unencoded \\ in password', 'postgresql://u:hun\\ter2@h/db'],
    ['bad percent escape', 'postgresql://u:hun%zzter2@h/db'],
    ['percent-encoded NUL', 'postgresql://u:hunter2%00@h/db'],
    ['invalid UTF-8 after decoding', 'postgresql://u:hunter2%C3@h/db'],
    ['unclosed IPv6 bracket', 'postgresql://u:hunter2@[::1/db'],
    ['bracketed non-IPv6', 'postgresql://u:hunter2@[nothex]/db'],
    ['unknown query parameter', 'postgresql://u:hunter2@h/db?nosuch=1'],
    ['query item without =', 'postgresql://h/db?password'],
    ['query item with two =', 'postgresql://h/db?password=hun=ter2'],
    ['empty query item', 'postgresql://h/db?sslmode=require&&password=hunter2'],
    ['lone surrogate', 'postgresql://u:hunter2@h/\uD800'],
    ['scheme in upper case', 'POSTGRESQL://u:hunter2@h/db'],
    ['other scheme', 'https://u:hunter2@h/db'],
  ])('%s', (_name, input) => {
    expect(redactConnectionString(input)).toBe(UNPARSEABLE)
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['number', 42],
    ['object', { password: 'hunter2' }],
    ['array', ['postgresql://u:hunter2@h']],
    ['Buffer', Buffer.from('password=hunter2')],
    ['String object', new String('password=hunter2')],
  ])('non-string input: %s', (_name, input) => {
    expect(redactConnectionString(input)).toBe(UNPARSEABLE)
  })

  it('over 8 KiB (in UTF-8 bytes) is not parsed at all', () => {
    const base = 'password=hunter2 application_name='
    const fits = base + 'a'.repeat(MAX_CONNECTION_STRING_BYTES - base.length)
    expect(Buffer.byteLength(fits)).toBe(MAX_CONNECTION_STRING_BYTES)
    expect(redactConnectionString(fits)).toBe(
      `password=******** application_name=${'a'.repeat(fits.length - base.length)}`,
    )
    expect(redactConnectionString(fits + 'a')).toBe(UNPARSEABLE)
    // 'é' is two bytes: fewer characters than the limit, still too many bytes.
    const wide = base + 'é'.repeat(MAX_CONNECTION_STRING_BYTES / 2)
    expect(wide.length).toBeLessThan(MAX_CONNECTION_STRING_BYTES)
    expect(redactConnectionString(wide)).toBe(UNPARSEABLE)
    expect(
      redactConnectionString(`postgresql://u:hunter2@h/db?application_name=${'a'.repeat(9000)}`),
    ).toBe(UNPARSEABLE)
  })
})
