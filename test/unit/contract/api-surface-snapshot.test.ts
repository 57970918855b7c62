/**
 * reliability.md A.4: the preload exposes one frozen object of named functions. This list is the
 * snapshot: it must be edited on purpose when the exposed surface changes.
 */
import { describe, expect, it, vi } from 'vitest'
import { buildApi } from '../../../src/shared/api-builder'

const EXPECTED_SURFACE = [
  'cancelSession',
  'confirmImport',
  'connect',
  'createHistoryTables',
  'deleteProfile',
  'discardQueueDamage',
  'disconnect',
  'drainPool',
  'exportMetrics',
  'exportProfiles',
  'exportQueue',
  'getAppInfo',
  'getHealthTimeline',
  'getHistorySink',
  'getMetricsHistory',
  'getPreferences',
  'getQueue',
  'getSessions',
  'getSnapshot',
  'getWorkload',
  'listEvents',
  'listProfiles',
  'onAlertsChanged',
  'onConnectionStateChanged',
  'onEventsRecorded',
  'onHealthAttemptRecorded',
  'onHistorySinkChanged',
  'onPoolStatsChanged',
  'onPreferencesChanged',
  'onProfilesChanged',
  'onQueueChanged',
  'onSessionsSampled',
  'onWarningRaised',
  'onWorkloadChanged',
  'previewImport',
  'reconnectNow',
  'requeueOperation',
  'resetBackoff',
  'resolveQueued',
  'resumePool',
  'saveMetrics',
  'saveProfile',
  'saveQueue',
  'setExactlyOnce',
  'setPreferences',
  'setWorkload',
  'shutdownPool',
  'startDemo',
  'submitWrite',
  'terminateSession',
  'testConnection',
]

function fakeApi() {
  return buildApi({
    invoke: vi.fn(async () => ({ ok: true as const, data: null })),
    subscribe: vi.fn(() => () => undefined),
  })
}

describe('the exposed API surface', () => {
  it('has exactly the expected keys', () => {
    expect(Reflect.ownKeys(fakeApi()).map(String).sort()).toEqual(EXPECTED_SURFACE)
  })

  it('is frozen', () => {
    const api = fakeApi() as unknown as Record<string, unknown>
    expect(Object.isFrozen(api)).toBe(true)
    expect(() => {
      api['invoke'] = () => undefined
    }).toThrow(TypeError)
    expect(() => {
      api['listProfiles'] = () => undefined
    }).toThrow(TypeError)
  })

  it('every member is a function', () => {
    const api = fakeApi() as unknown as Record<string, unknown>
    for (const key of EXPECTED_SURFACE) expect(typeof api[key], key).toBe('function')
  })

  it('has no generic invoke / send / on, not even inherited', () => {
    const api = fakeApi() as unknown as Record<string, unknown>
    for (const generic of ['invoke', 'send', 'on', 'once', 'emit', 'subscribe', 'ipcRenderer']) {
      expect(generic in api, generic).toBe(false)
    }
    expect(Object.getPrototypeOf(api)).toBeNull()
  })
})
