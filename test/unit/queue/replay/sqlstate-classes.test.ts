import { describe, expect, it } from 'vitest'
import {
  breaksConnection,
  sqlstateClass,
} from '../../../../src/main/engine/queue/replay/sqlstate-classes'

describe('the replay SQLSTATE table', () => {
  it.each([
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock'],
    ['53300', 'too many connections'],
    ['53100', 'disk full'],
    ['57P01', 'admin shutdown (pg_terminate_backend)'],
    ['57P03', 'cannot connect now'],
    ['57014', 'query canceled'],
    ['08006', 'connection failure'],
    ['08000', 'any connection exception'],
    ['55P03', 'lock not available'],
    ['58030', 'I/O error'],
    ['25P03', 'idle-in-transaction timeout'],
  ])('%s (%s) is transient', (code) => {
    expect(sqlstateClass(code)).toBe('transient')
  })

  it.each([
    ['42601', 'syntax error'],
    ['42P01', 'undefined table'],
    ['42703', 'undefined column'],
    ['42501', 'insufficient privilege'],
    ['23505', 'unique violation'],
    ['23503', 'foreign key violation'],
    ['23502', 'not null violation'],
    ['23514', 'check violation'],
    ['22P02', 'invalid text representation'],
    ['22012', 'division by zero'],
    ['0A000', 'feature not supported'],
    ['25001', 'active transaction (VACUUM inside one)'],
    ['2D000', 'invalid transaction termination'],
    ['40002', 'transaction integrity constraint violation'],
    ['57P04', 'database dropped'],
    ['P0001', 'RAISE EXCEPTION'],
    ['XX001', 'data corrupted'],
    ['ZZ999', 'a class nobody knows'],
  ])('%s (%s) is permanent', (code) => {
    expect(sqlstateClass(code)).toBe('permanent')
  })

  it('25006 (read-only transaction) is its own case: the database takes no writes now', () => {
    expect(sqlstateClass('25006')).toBe('read-only')
  })

  it('treats connection, operator and system classes as breaking the connection', () => {
    expect(['08006', '57P01', '58030', 'XX000'].map(breaksConnection)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(['23505', '42601', '40001', '25006'].map(breaksConnection)).toEqual([
      false,
      false,
      false,
      false,
    ])
  })
})
