/**
 * The snapshot's server views go into the sessions slice in one update: every profile's alerts,
 * and its summary unless the store already holds a newer one (a sessions:sampled event that came
 * while the snapshot was on its way) or the view has none yet.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { selectors, useStore } from '../../../src/renderer/src/stores/store'
import type { ServerSummary } from '../../../src/shared/sessions'
import { idleAlert, S0, session, snapshot } from './sessions-fixture'

beforeEach(() => useStore.setState(useStore.getInitialState(), true))

const get = () => useStore.getState()

function summary(profileId: string, sampledAt: number, used: number): ServerSummary {
  const sessions = Array.from({ length: used }, (_, i) => session(i + 1))
  return {
    profileId,
    sampledAt,
    connections: snapshot(sessions).connections,
    counts: snapshot(sessions).counts,
    sampleMs: 1,
  }
}

describe('store: server views from the snapshot', () => {
  it('sets each profile’s alerts and summary in one update', () => {
    let updates = 0
    const off = useStore.subscribe(() => updates++)
    const alert = idleAlert(session(1))
    get().applyServerViews([
      { profileId: 'p1', summary: summary('p1', S0, 3), alerts: [alert] },
      { profileId: 'p2', summary: summary('p2', S0, 5), alerts: [] },
    ])
    off()
    expect(updates).toBe(1)
    expect(selectors.sessions.alerts('p1')(get())).toEqual([alert])
    expect(selectors.sessions.serverSummary('p1')(get())?.connections.used).toBe(3)
    expect(selectors.sessions.serverSummary('p2')(get())?.connections.used).toBe(5)
  })

  it('keeps a newer summary already received, and one the view has none for', () => {
    get().setServerSummaries([summary('p1', S0 + 2_000, 7), summary('p2', S0, 4)])
    get().applyServerViews([
      { profileId: 'p1', summary: summary('p1', S0, 3), alerts: [] },
      { profileId: 'p2', summary: null, alerts: [] },
    ])
    expect(selectors.sessions.serverSummary('p1')(get())?.connections.used).toBe(7)
    expect(selectors.sessions.serverSummary('p2')(get())?.connections.used).toBe(4)
  })
})
