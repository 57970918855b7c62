import { describe, expect, it } from 'vitest'
import { redactConnectionString } from '../../../src/main/engine/profiles/redact'

const tricky = encodeURIComponent("@:/#?%'\\é密😀 ")

describe('redactConnectionString: postgres:// URIs', () => {
  it.each([
    [
      'percent-encoded password',
      'postgresql://u:p%40ss@h:5432/db',
      'postgresql://u:********@h:5432/db',
    ],
    [
      'postgres:// scheme is canonicalised',
      'postgres://u:hunter2@h/db',
      'postgresql://u:********@h/db',
    ],
    ['IPv6 host', 'postgresql://u:hunter2@[::1]:5432/db', 'postgresql://u:********@[::1]:5432/db'],
    ['IPv6 host without port', 'postgresql://[2001:db8::1]/db', 'postgresql://[2001:db8::1]/db'],
    ['IPv6 zone id', 'postgresql://[fe80::1%25eth0]/db', 'postgresql://[fe80::1%25eth0]/db'],
    [
      'multiple hosts',
      'postgresql://u:hunter2@h1:1,h2:2/db',
      'postgresql://u:********@h1:1,h2:2/db',
    ],
    [
      'mixed multiple hosts',
      'postgresql://u:hunter2@[::1]:5432,h2,h3:6543/db',
      'postgresql://u:********@[::1]:5432,h2,h3:6543/db',
    ],
    [
      'query parameters',
      'postgresql://u:hunter2@h/db?sslmode=verify-full&application_name=x',
      'postgresql://u:********@h/db?sslmode=verify-full&application_name=x',
    ],
    [
      'password and sslpassword as query parameters',
      'postgresql://h/db?password=hunter2&sslpassword=keypass&oauth_client_secret=s',
      'postgresql://h/db?password=********&sslpassword=********&oauth_client_secret=********',
    ],
    ['user without a password', 'postgresql://alice@h/db', 'postgresql://alice@h/db'],
    ['no userinfo', 'postgresql://h/db', 'postgresql://h/db'],
    [
      "password with @ : / # ? % ' \\ unicode",
      `postgresql://u:${tricky}@h/db`,
      'postgresql://u:********@h/db',
    ],
    ['empty password is masked too', 'postgresql://u:@h/db', 'postgresql://u:********@h/db'],
    ['password with empty user', 'postgresql://:hunter2@h', 'postgresql://:********@h'],
    ['password with raw : (rest of userinfo)', 'postgresql://u:a:b@h', 'postgresql://u:********@h'],
    [
      'encoded user stays encoded',
      'postgresql://al%40ice:pw@h',
      'postgresql://al%40ice:********@h',
    ],
    [
      'unix socket host',
      'postgresql://%2Fvar%2Frun%2Fpostgresql/db',
      'postgresql://%2Fvar%2Frun%2Fpostgresql/db',
    ],
    ['encoded database name', 'postgresql://h/my%20db', 'postgresql://h/my%20db'],
    ['raw unicode is re-encoded', 'postgresql://h/café', 'postgresql://h/caf%C3%A9'],
    ['bare scheme', 'postgresql://', 'postgresql://'],
    ['surrounding whitespace is dropped', '  postgresql://u:pw@h  ', 'postgresql://u:********@h'],
    [
      'dbname holding a connection string is redacted too',
      `postgresql://h/db?dbname=${encodeURIComponent('host=x password=hunter2')}`,
      `postgresql://h/db?dbname=${encodeURIComponent('host=x password=********')}`,
    ],
  ])('%s', (_name, input, expected) => {
    const out = redactConnectionString(input)
    expect(out).toBe(expected)
    expect(out).not.toContain('hunter2')
  })
})
