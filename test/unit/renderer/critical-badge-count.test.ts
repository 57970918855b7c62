/**
 * The header badge: open critical alerts over every profile (resolved ones and warnings not
 * counted; a leak is critical whatever its severity, as the desktop notifier counts it).
 */
import { describe, expect, it } from 'vitest'
import { openCritical } from '../../../src/renderer/src/features/dashboard/dashboard-model'
import { createLifeguardStore } from '../../../src/renderer/src/stores/store'
import { connectionsAlert, leakAlert } from './sessions-fixture'

describe('critical badge count', () => {
  it('counts open critical alerts of every profile', () => {
    const store = createLifeguardStore()
    expect(openCritical(store.getState())).toBe(0)
    store.getState().setAlerts({ profileId: 'a', alerts: [leakAlert(null), connectionsAlert(80)] })
    store.getState().setAlerts({
      profileId: 'b',
      alerts: [
        leakAlert(null, { id: 'leak:8' }),
        leakAlert(null, { id: 'leak:9', resolvedAt: 5 }),
        connectionsAlert(96, { id: 'c2', severity: 'critical' }),
        // A leak counts whatever its severity (the engine raises it critical; the rule does not need that).
        leakAlert(null, { id: 'leak:10', severity: 'warning' }),
      ],
    })
    expect(openCritical(store.getState())).toBe(4)
    store.getState().forgetServerView('b')
    expect(openCritical(store.getState())).toBe(1)
  })
})
