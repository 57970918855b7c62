/**
 * Alerts are pushed only when they change, so after loading the snapshot the bridge asks once for
 * the sessions view of each profile main runs a session for; a failure there is quiet.
 */
import { describe, expect, it } from 'vitest'
import { startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { ok } from '../../../src/shared/result'
import { fakeTransport, settle } from './event-bridge-fixture'
import { healthView } from './health-fixture'
import { idleAlert, session, sessionsView, snapshot } from './sessions-fixture'
import { profile, status } from './store-fixture'

function withWatched() {
  const fake = fakeTransport('connected')
  fake.answers['monitor:get-snapshot'] = () =>
    ok({
      profiles: [profile('p1'), profile('p2')],
      statuses: [
        status('p1', 'connected', 1, { health: healthView() }),
        status('p2', 'disconnected', 1),
      ],
    })
  return fake
}

describe('event bridge: alerts on load', () => {
  it('fetches each watched profile’s alerts and server figures once the snapshot is in', async () => {
    const fake = withWatched()
    const alert = idleAlert(session(5))
    fake.answers['sessions:get'] = () => ok(sessionsView('p1', snapshot([session(5)]), [alert]))
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    expect(fake.invoke).toHaveBeenCalledWith('sessions:get', { id: 'p1' })
    expect(fake.invokeCount('sessions:get')).toBe(1)
    expect(selectors.sessions.alerts('p1')(store.getState())).toEqual([alert])
    expect(selectors.sessions.serverSummary('p1')(store.getState())?.connections.used).toBe(1)
  })

  it('again after a lost connection comes back', async () => {
    const fake = withWatched()
    startEventBridge(fake.transport, createLifeguardStore())
    await settle()
    fake.setStatus('reconnecting')
    fake.setStatus('connected')
    await settle()
    expect(fake.invokeCount('sessions:get')).toBe(2)
  })

  it('a failure is quiet: no warning, nothing thrown, events fill in later', async () => {
    const fake = withWatched()
    fake.answers['sessions:get'] = () => ({
      ok: false,
      error: { code: 'invalid-state', message: 'the profile is not connected' },
    })
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    expect(selectors.app.warnings(store.getState())).toEqual([])
    expect(selectors.sessions.alerts('p1')(store.getState())).toEqual([])
    delete fake.answers['sessions:get']
    fake.setStatus('reconnecting')
    fake.setStatus('connected')
    await settle()
    expect(selectors.profiles.loaded(store.getState())).toBe(true)
  })
})
