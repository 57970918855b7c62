/**
 * The sessions slice: a sessions:get answer brings the alerts and (if newer) the gauge figures;
 * open alerts are counted by severity; a disconnected or deleted profile's server figures and
 * alerts are dropped, as main drops its observer.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import { healthView } from './health-fixture'
import {
  connectionsAlert,
  idleAlert,
  S0,
  session,
  sessionsView,
  snapshot,
} from './sessions-fixture'
import { profile, status } from './store-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

function seed(profileId = 'p1') {
  const alerts = [
    idleAlert(session(1)),
    idleAlert(session(2), { id: 'b', severity: 'critical' }),
    connectionsAlert(90, { id: 'c', resolvedAt: S0 }),
  ]
  get().applySessionsView(sessionsView(profileId, snapshot([session(1), session(2)]), alerts))
  return alerts
}

describe('store: sessions', () => {
  it('a sessions:get answer sets the alerts and the server figures', () => {
    const alerts = seed()
    expect(selectors.sessions.alerts('p1')(get())).toEqual(alerts)
    expect(selectors.sessions.serverSummary('p1')(get())).toEqual({
      profileId: 'p1',
      sampledAt: S0,
      connections: snapshot([session(1), session(2)]).connections,
      counts: snapshot([session(1), session(2)]).counts,
      sampleMs: 3.2,
    })
  })

  it('open alerts are counted by severity; resolved ones do not count', () => {
    seed()
    expect(selectors.sessions.openAlertCount('p1')(get())).toBe(2)
    expect(selectors.sessions.openAlertsOf('p1', 'critical')(get())).toBe(1)
    expect(selectors.sessions.openAlertsOf('p1', 'warning')(get())).toBe(1)
    expect(selectors.sessions.openAlertsOf('p2', 'warning')(get())).toBe(0)
  })

  it('an answer older than the pushed figures does not bring them back', () => {
    const newer = { ...snapshot([session(1)]), sampledAt: S0 + 4_000 }
    get().setServerSummary({
      profileId: 'p1',
      sampledAt: newer.sampledAt,
      connections: newer.connections,
      counts: newer.counts,
      sampleMs: 1,
    })
    get().applySessionsView(sessionsView('p1', snapshot([session(1), session(2), session(3)])))
    expect(selectors.sessions.serverSummary('p1')(get())?.sampledAt).toBe(S0 + 4_000)
    expect(selectors.sessions.serverSummary('p1')(get())?.connections.used).toBe(1)
  })

  it('a disconnect drops the profile’s figures and alerts; a reconnect attempt keeps them', () => {
    seed('p1')
    seed('p2')
    get().setStatus(status('p1', 'connecting', 2, { health: healthView() }))
    expect(selectors.sessions.openAlertCount('p1')(get())).toBe(2)
    get().setStatus(status('p1', 'disconnected', 3))
    expect(selectors.sessions.alerts('p1')(get())).toEqual([])
    expect(selectors.sessions.serverSummary('p1')(get())).toBeUndefined()
    expect(selectors.sessions.openAlertCount('p2')(get())).toBe(2)
  })

  it('a snapshot saying disconnected drops them too, unless an event was newer', () => {
    seed('p1')
    get().mergeStatuses([status('p1', 'disconnected', 5)])
    expect(selectors.sessions.alerts('p1')(get())).toEqual([])
    seed('p2')
    get().setStatus(status('p2', 'connected', 9))
    get().mergeStatuses([status('p2', 'disconnected', 5)])
    expect(selectors.sessions.openAlertCount('p2')(get())).toBe(2)
  })

  it('a deleted profile’s figures and alerts go with it', () => {
    seed('p1')
    seed('p2')
    get().setProfiles([profile('p2')])
    expect(selectors.sessions.serverSummary('p1')(get())).toBeUndefined()
    expect(selectors.sessions.alerts('p1')(get())).toEqual([])
    expect(selectors.sessions.openAlertCount('p2')(get())).toBe(2)
  })
})
