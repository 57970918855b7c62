/**
 * One poll of the sessions view: a success becomes the view and refreshes the store's alerts and
 * server figures; a failure keeps the last view on screen next to the error.
 */
import { describe, expect, it } from 'vitest'
import {
  initialLoad,
  loadSessionsView,
} from '../../../src/renderer/src/features/sessions/use-sessions-view'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { ok } from '../../../src/shared/result'
import { fakeTransport } from './event-bridge-fixture'
import { idleAlert, session, sessionsView, snapshot } from './sessions-fixture'

describe('sessions view: one load', () => {
  it('a success is the new view, and the store gets its alerts and figures', async () => {
    const fake = fakeTransport('connected')
    const view = sessionsView('p1', snapshot([session(3)]), [idleAlert(session(3))])
    fake.answers['sessions:get'] = () => ok(view)
    const store = createLifeguardStore()
    const next = await loadSessionsView(fake.transport.api, 'p1', store.getState())
    expect(fake.invoke).toHaveBeenCalledWith('sessions:get', { id: 'p1' })
    expect(next(initialLoad)).toEqual({ view, error: null, loading: false })
    expect(selectors.sessions.openAlertCount('p1')(store.getState())).toBe(1)
  })

  it('a failure keeps the previous view and says why', async () => {
    const fake = fakeTransport('connected')
    const error = { code: 'connection-failed' as const, message: 'lost the server' }
    fake.answers['sessions:get'] = () => ({ ok: false, error })
    const store = createLifeguardStore()
    const previous = { view: sessionsView('p1', null), error: null, loading: false }
    const next = await loadSessionsView(fake.transport.api, 'p1', store.getState())
    expect(next(previous)).toEqual({ view: previous.view, error, loading: false })
    expect(next(initialLoad)).toEqual({ view: null, error, loading: false })
    expect(selectors.sessions.alerts('p1')(store.getState())).toEqual([])
  })
})
