/**
 * The sessions table's order: by any column, either way; sessions without the value last in both
 * directions; ties by pid; a click flips the current column or starts another in its natural way.
 */
import { describe, expect, it } from 'vitest'
import {
  defaultSort,
  nextSort,
  sortSessions,
  type SortKey,
} from '../../../src/renderer/src/features/sessions/session-table-model'
import { active, idleInTransaction, session } from './sessions-fixture'

const sessions = [
  session(30, { user: 'carol', clientAddress: '10.0.0.10', clientPort: 5000 }),
  idleInTransaction(10, 70_000, { user: 'alice', clientAddress: '10.0.0.9', clientPort: 5000 }),
  active(20, 3_000, { user: 'Bob', clientPort: -1, clientAddress: null }),
  session(40, { user: null, clientAddress: null, clientPort: null, queryAgeMs: null }),
  active(50, 3_000, { user: 'alice' }),
]

const order = (key: SortKey, direction: 'ascending' | 'descending' = 'ascending') =>
  sortSessions(sessions, { key, direction }).map((s) => s.pid)

describe('sessions table: sorting', () => {
  it('by default the oldest open transaction first, sessions without one after', () => {
    expect(sortSessions(sessions, defaultSort).map((s) => s.pid)).toEqual([10, 20, 50, 30, 40])
  })

  it('by pid, numerically, both ways', () => {
    expect(order('pid')).toEqual([10, 20, 30, 40, 50])
    expect(order('pid', 'descending')).toEqual([50, 40, 30, 20, 10])
  })

  it('text ignores case; a missing value is last either way; ties go by pid', () => {
    expect(order('user')).toEqual([10, 50, 20, 30, 40])
    expect(order('user', 'descending')).toEqual([30, 20, 10, 50, 40])
  })

  it('client addresses compare their numbers as numbers; a local socket is a value', () => {
    expect(order('client')).toEqual([50, 10, 30, 20, 40])
  })

  it('ages: missing ones last in both directions', () => {
    expect(order('queryAge', 'descending')).toEqual([10, 30, 20, 50, 40])
    expect(order('queryAge')).toEqual([20, 50, 10, 30, 40])
  })

  it('does not reorder the list it was given', () => {
    const before = sessions.map((s) => s.pid)
    order('user', 'descending')
    expect(sessions.map((s) => s.pid)).toEqual(before)
  })

  it('a click flips the sorted column; another column starts ascending, ages descending', () => {
    expect(nextSort(defaultSort, 'xactAge')).toEqual({ key: 'xactAge', direction: 'ascending' })
    expect(nextSort(defaultSort, 'user')).toEqual({ key: 'user', direction: 'ascending' })
    expect(nextSort({ key: 'user', direction: 'ascending' }, 'queryAge')).toEqual({
      key: 'queryAge',
      direction: 'descending',
    })
    expect(nextSort({ key: 'user', direction: 'ascending' }, 'user').direction).toBe('descending')
  })
})
