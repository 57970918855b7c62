/**
 * The dashboard's arrangement: groups by name with "No group" last, and within them the sort
 * (name, state, latency, pool use, alerts) and the filters (state, group, text over name / host /
 * database / user).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import {
  arrangeDashboard,
  defaultQuery,
  fleetSummary,
  type DashboardQuery,
} from '../../../src/renderer/src/features/dashboard/dashboard-model'
import { createLifeguardStore, type LifeguardStore } from '../../../src/renderer/src/stores/store'
import { healthView } from './health-fixture'
import { connectionsAlert, leakAlert } from './sessions-fixture'
import { profile, stats, status } from './store-fixture'

let store: LifeguardStore
const ids = (q: Partial<DashboardQuery>) =>
  arrangeDashboard(store.getState(), { ...defaultQuery, ...q }).groups.map((g) => [g.name, g.ids])

beforeEach(() => {
  store = createLifeguardStore()
  const s = store.getState()
  s.setProfiles([
    profile('a', { name: 'orders', host: 'orders.db', group: 'Prod' }),
    profile('b', { name: 'billing', host: 'billing.db', group: 'Prod', user: 'reporter' }),
    profile('c', { name: 'analytics', host: 'dw.internal' }),
    profile('d', { name: 'archive 10', host: 'cold.db', database: 'history' }),
    profile('e', { name: 'archive 9', host: 'cold.db' }),
  ])
  s.mergeStatuses([
    status('a', 'connected', 1, {
      pool: stats(9, { max: 10 }),
      health: healthView({ latencyMs: 3 }),
    }),
    status('b', 'connected', 1, {
      pool: stats(2, { max: 10 }),
      health: healthView({ latencyMs: 40 }),
    }),
    status('c', 'failed', 1, { error: { code: 'timeout', message: 'timed out' } }),
    status('d', 'connecting', 1),
  ])
  s.setAlerts({ profileId: 'b', alerts: [leakAlert(null), connectionsAlert(80)] })
  s.setAlerts({ profileId: 'd', alerts: [connectionsAlert(80)] })
})

describe('dashboard: sorting', () => {
  it('by name, numbers in order, within groups; "No group" last', () => {
    expect(ids({ sort: 'name' })).toEqual([
      ['Prod', ['b', 'a']],
      ['', ['c', 'e', 'd']],
    ])
  })

  it('by state: failed, retrying, connected, disconnected', () => {
    expect(ids({ sort: 'state' })).toEqual([
      ['Prod', ['b', 'a']],
      ['', ['c', 'd', 'e']],
    ])
  })

  it('by latency: slowest first, profiles without a probe last', () => {
    expect(ids({ sort: 'latency' })[0]).toEqual(['Prod', ['b', 'a']])
    store
      .getState()
      .setStatus(status('a', 'connected', 1, { health: healthView({ latencyMs: 99 }) }))
    expect(ids({ sort: 'latency' })[0]).toEqual(['Prod', ['a', 'b']])
  })

  it('by pool use: fullest first', () => {
    expect(ids({ sort: 'pool' })[0]).toEqual(['Prod', ['a', 'b']])
  })

  it('by alerts: most critical first, then most warnings, then name', () => {
    expect(ids({ sort: 'alerts' })).toEqual([
      ['Prod', ['b', 'a']],
      ['', ['d', 'c', 'e']],
    ])
  })
})

describe('dashboard: filtering', () => {
  it('by state (connecting counts as "connecting or retrying")', () => {
    expect(ids({ state: 'connected' })).toEqual([['Prod', ['b', 'a']]])
    expect(ids({ state: 'failed' })).toEqual([['', ['c']]])
    expect(ids({ state: 'connecting' })).toEqual([['', ['d']]])
    expect(ids({ state: 'disconnected' })).toEqual([['', ['e']]])
  })

  it('by group, "" meaning the profiles without one', () => {
    expect(ids({ group: 'Prod' })).toEqual([['Prod', ['b', 'a']]])
    expect(ids({ group: '' })).toEqual([['', ['c', 'e', 'd']]])
  })

  it('by text over name, host, database and user, ignoring case', () => {
    expect(ids({ text: 'ORD' })).toEqual([['Prod', ['a']]])
    expect(ids({ text: 'cold.db' })).toEqual([['', ['e', 'd']]])
    expect(ids({ text: 'history' })).toEqual([['', ['d']]])
    expect(ids({ text: 'reporter' })).toEqual([['Prod', ['b']]])
    expect(ids({ text: '  ' })).toHaveLength(2)
  })

  it('filters combine, and counts say how many of how many', () => {
    const arrangement = arrangeDashboard(store.getState(), {
      ...defaultQuery,
      state: 'connected',
      text: 'bill',
    })
    expect(arrangement.groups).toEqual([{ name: 'Prod', ids: ['b'], total: 2 }])
    expect([arrangement.shown, arrangement.total]).toEqual([1, 5])
  })
})

describe('fleet summary', () => {
  it('profiles, connected, failing (failed, or retrying after an error) and open critical alerts', () => {
    expect(fleetSummary(store.getState())).toEqual({
      profiles: 5,
      connected: 2,
      failing: 1,
      critical: 1,
    })
    store
      .getState()
      .setStatus(
        status('d', 'connecting', 2, { error: { code: 'connection-refused', message: 'refused' } }),
      )
    expect(fleetSummary(store.getState()).failing).toBe(2)
  })
})
