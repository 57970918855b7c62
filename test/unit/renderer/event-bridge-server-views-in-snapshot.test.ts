/**
 * A snapshot that carries the watched profiles' server views (alerts and latest summary) is all
 * the bridge needs on load: no sessions:get per profile (200 profiles would be 200 full session
 * lists).
 */
import { describe, expect, it } from 'vitest'
import { startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { ok } from '../../../src/shared/result'
import type { ServerSummary } from '../../../src/shared/sessions'
import { fakeTransport, settle } from './event-bridge-fixture'
import { healthView } from './health-fixture'
import { idleAlert, S0, session, snapshot } from './sessions-fixture'
import { profile, status } from './store-fixture'

describe('event bridge: server views in the snapshot', () => {
  it('takes alerts and server figures from the snapshot and asks for no session list', async () => {
    const fake = fakeTransport('connected')
    const alert = idleAlert(session(5))
    const summary: ServerSummary = {
      profileId: 'p1',
      sampledAt: S0,
      connections: snapshot([session(5), session(6)]).connections,
      counts: snapshot([session(5), session(6)]).counts,
      sampleMs: 2,
    }
    fake.answers['monitor:get-snapshot'] = () =>
      ok({
        profiles: [profile('p1'), profile('p2')],
        statuses: [
          status('p1', 'connected', 1, { health: healthView() }),
          status('p2', 'connected', 1, { health: healthView() }),
        ],
        servers: [
          { profileId: 'p1', summary, alerts: [alert] },
          { profileId: 'p2', summary: null, alerts: [] },
        ],
      })
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    expect(fake.invokeCount('sessions:get')).toBe(0)
    expect(selectors.sessions.alerts('p1')(store.getState())).toEqual([alert])
    expect(selectors.sessions.serverSummary('p1')(store.getState())).toEqual(summary)
    expect(selectors.sessions.serverSummary('p2')(store.getState())).toBeUndefined()
  })
})
