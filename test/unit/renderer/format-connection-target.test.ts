/** connectionTarget: libpq-style user@host:port/database, IPv6 literals in brackets. */
import { describe, expect, it } from 'vitest'
import { connectionTarget } from '../../../src/renderer/src/lib/format'

const base = { user: 'alice', host: 'db.example.com', port: 5432, database: 'app' }

describe('connectionTarget', () => {
  it.each([
    [{}, 'alice@db.example.com:5432/app'],
    [{ host: '127.0.0.1', port: 6543 }, 'alice@127.0.0.1:6543/app'],
    [{ host: '::1' }, 'alice@[::1]:5432/app'],
    [{ host: 'fe80::1%eth0' }, 'alice@[fe80::1%eth0]:5432/app'],
    [{ host: '[::1]' }, 'alice@[::1]:5432/app'],
    [{ user: 'postgres', database: 'postgres' }, 'postgres@db.example.com:5432/postgres'],
  ])('%o -> %s', (overrides, expected) => {
    expect(connectionTarget({ ...base, ...overrides })).toBe(expected)
  })
})
