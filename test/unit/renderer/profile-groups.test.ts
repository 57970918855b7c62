/** Dashboard groups: named groups by name (case-insensitive, numeric), ungrouped last; names. */
import { describe, expect, it } from 'vitest'
import { groupNames, groupProfiles } from '../../../src/renderer/src/lib/profile-groups'
import { profile } from './store-fixture'

const shape = (groups: ReturnType<typeof groupProfiles>) =>
  groups.map((g) => [g.name, g.profiles.map((p) => p.id)])

describe('profile groups', () => {
  it('groups by name, sorted; ungrouped last; main’s order kept inside a group', () => {
    const list = [
      profile('a', { group: 'reporting' }),
      profile('b'),
      profile('c', { group: 'Production' }),
      profile('d', { group: 'reporting' }),
      profile('e', { group: 'Env 10' }),
      profile('f', { group: 'Env 9' }),
      profile('g', { group: '  ' }),
    ]
    expect(shape(groupProfiles(list))).toEqual([
      ['Env 9', ['f']],
      ['Env 10', ['e']],
      ['Production', ['c']],
      ['reporting', ['a', 'd']],
      ['', ['b', 'g']],
    ])
  })

  it('names are kept as written: "Prod" and "prod" are two groups', () => {
    const list = [profile('a', { group: 'prod' }), profile('b', { group: 'Prod' })]
    expect(
      groupProfiles(list)
        .map((g) => g.name)
        .sort(),
    ).toEqual(['Prod', 'prod'])
  })

  it('no groups at all: one ungrouped list', () => {
    expect(shape(groupProfiles([profile('a'), profile('b')]))).toEqual([['', ['a', 'b']]])
    expect(groupProfiles([])).toEqual([])
  })

  it('group names for suggestions: distinct, trimmed, sorted, no empty one', () => {
    const list = [
      profile('a', { group: 'Reporting ' }),
      profile('b', { group: 'analytics' }),
      profile('c', { group: 'Reporting' }),
      profile('d'),
    ]
    expect(groupNames(list)).toEqual(['analytics', 'Reporting'])
  })
})
