import { describe, expect, it } from 'vitest'
import { classifyConnectionError } from '../../../src/main/engine/core/pg-errors'

const target = { host: 'db.example', port: 5433, database: 'orders', user: 'dba' }
const err = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('classifyConnectionError', () => {
  it.each([
    [err('28P01'), 'auth-failed', 'password authentication failed for user "dba"'],
    [err('3D000'), 'unknown-database', 'database "orders" does not exist on db.example:5433'],
    [err('28000', 'no pg_hba.conf entry for host'), 'no-pg-hba-entry', 'pg_hba.conf'],
    [err('53300'), 'too-many-connections', 'too many connections'],
    [err('57P03', 'the database system is starting up'), 'server-starting', 'starting up'],
    [err('57P03', 'the database system is shutting down'), 'connection-reset', 'shutting down'],
    [err('57P03', 'the database system is in recovery mode'), 'server-starting', 'in recovery'],
    [
      err('57P01', 'terminating connection due to administrator command'),
      'connection-reset',
      'shutting down or restarting',
    ],
    [err('ECONNREFUSED'), 'connection-refused', 'connection refused by db.example:5433'],
    [err('ENOTFOUND'), 'host-not-found', 'could not be resolved'],
    [err('EHOSTUNREACH'), 'host-unreachable', 'unreachable'],
    [err('ECONNRESET'), 'connection-reset', 'was reset'],
    [new Error('Connection terminated due to connection timeout'), 'timeout', 'timed out'],
    [
      new Error('The server does not support SSL connections'),
      'ssl-required',
      'does not support SSL',
    ],
  ])('%s -> %s', (error, code, text) => {
    const classified = classifyConnectionError(error, target)
    expect(classified.code).toBe(code)
    expect(classified.message).toContain(text)
    expect(classified.cause).toBe(error)
  })

  it('never copies the raw message, which may echo a connection string', () => {
    const raw = new Error('invalid connection string postgres://dba:s3cret@db/orders')
    const classified = classifyConnectionError(raw, target)
    expect(classified.code).toBe('connection-failed')
    expect(classified.message).not.toContain('s3cret')
  })
})
