/**
 * The sessions table's filters: by state, user and application, with a missing value as its own
 * choice; background processes only when asked for; menus list what the sessions have.
 */
import { describe, expect, it } from 'vitest'
import {
  ALL,
  filterOptions,
  filterSessions,
  noFilter,
  optionValue,
  withSelected,
} from '../../../src/renderer/src/features/sessions/session-table-model'
import { active, idleInTransaction, PAYLOAD, session } from './sessions-fixture'

const sessions = [
  session(1, { user: 'alice', application: 'psql' }),
  idleInTransaction(2, 5_000, { user: 'bob', application: PAYLOAD }),
  active(3, 9_000, { user: 'alice', application: '' }),
  session(4, { user: null, application: null, state: null, queryHidden: true, query: null }),
  session(5, {
    user: null,
    application: '',
    state: null,
    client: false,
    backendType: 'autovacuum launcher',
  }),
]

const pids = (filter = noFilter) => filterSessions(sessions, filter).map((s) => s.pid)

describe('sessions table: filters', () => {
  it('no filter shows the client sessions, background processes only when asked for', () => {
    expect(pids()).toEqual([1, 2, 3, 4])
    expect(pids({ ...noFilter, background: true })).toEqual([1, 2, 3, 4, 5])
  })

  it('by state; a session the server hid is found as "hidden"', () => {
    expect(pids({ ...noFilter, state: optionValue('idle in transaction') })).toEqual([2])
    expect(pids({ ...noFilter, state: optionValue('hidden') })).toEqual([4])
  })

  it('by user, an absent user being its own choice', () => {
    expect(pids({ ...noFilter, user: optionValue('alice') })).toEqual([1, 3])
    expect(pids({ ...noFilter, user: optionValue(null) })).toEqual([4])
  })

  it('by application, verbatim: an HTML payload is a value like any other, "" is not null', () => {
    expect(pids({ ...noFilter, application: optionValue(PAYLOAD) })).toEqual([2])
    expect(pids({ ...noFilter, application: optionValue('') })).toEqual([3])
    expect(pids({ ...noFilter, application: optionValue(null) })).toEqual([4])
  })

  it('filters combine', () => {
    const filter = { ...noFilter, user: optionValue('alice'), state: optionValue('active') }
    expect(pids(filter)).toEqual([3])
  })

  it('a user literally named like the "all" value is still one user', () => {
    const odd = [session(7, { user: '' }), session(8, { user: '=' }), session(9)]
    const only = (user: string | null) =>
      filterSessions(odd, { ...noFilter, user: optionValue(user) }).map((s) => s.pid)
    expect(optionValue('')).not.toBe(ALL)
    expect(only('')).toEqual([7])
    expect(only('=')).toEqual([8])
  })

  it('the menus offer each value with its count, the missing one last', () => {
    const options = filterOptions(sessions, false)
    expect(options.users).toEqual([
      { value: optionValue('alice'), label: 'alice', count: 2 },
      { value: optionValue('bob'), label: 'bob', count: 1 },
      { value: optionValue(null), label: '(none)', count: 1 },
    ])
    expect(options.applications.map((o) => o.label)).toEqual(['(empty)', PAYLOAD, 'psql', '(none)'])
    expect(options.states.map((o) => o.label)).toEqual([
      'active',
      'hidden',
      'idle',
      'idle in transaction',
    ])
    expect(filterOptions(sessions, true).applications[0]).toEqual({
      value: optionValue(''),
      label: '(empty)',
      count: 2,
    })
  })

  it('a chosen value that no session has any more stays in its menu, with 0', () => {
    const options = filterOptions(sessions, false).users
    expect(withSelected(options, optionValue('carol')).at(-1)).toEqual({
      value: optionValue('carol'),
      label: 'carol',
      count: 0,
    })
    expect(withSelected(options, optionValue('alice'))).toBe(options)
    expect(withSelected(options, ALL)).toBe(options)
  })
})
