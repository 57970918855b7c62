/**
 * Which alerts raise a browser notification: new critical ones (or ones that turned critical)
 * while the page watches, once per alert id; never in the desktop shell (main raises them), never
 * without permission, with notifications off or the profile muted; alerts open before the page
 * loaded are not announced. And the page title with the badge count.
 */
import { describe, expect, it } from 'vitest'
import {
  alertsToNotify,
  NotifyMemory,
  pageTitle,
  type NotifyContext,
} from '../../../src/renderer/src/features/notifications/notification-policy'
import type { AppPreferences } from '../../../src/shared/cockpit'
import type { SessionAlert } from '../../../src/shared/sessions'
import { S0, connectionsAlert, idleAlert, leakAlert, session } from './sessions-fixture'

const START = S0
const prefs = (overrides: Partial<AppPreferences> = {}): AppPreferences => ({
  mutedProfileIds: [],
  notificationsEnabled: true,
  historySink: { profileId: null, intervalMs: 10_000 },
  ...overrides,
})
const ctx = (overrides: Partial<NotifyContext> = {}): NotifyContext => ({
  shell: 'web',
  permission: 'granted',
  preferences: prefs(),
  startedAt: START,
  ...overrides,
})
const leak = (overrides: Partial<SessionAlert> = {}) =>
  leakAlert(null, { firstSeen: START + 1_000, lastSeen: START + 1_000, ...overrides })
const ids = (list: SessionAlert[]) => list.map((a) => a.id)

describe('notification policy', () => {
  it('a new critical alert is announced once; the next update does not repeat it', () => {
    const memory = new NotifyMemory()
    const alert = leak()
    expect(ids(alertsToNotify('p1', [alert], ctx(), memory))).toEqual([alert.id])
    expect(alertsToNotify('p1', [{ ...alert, lastSeen: START + 5_000 }], ctx(), memory)).toEqual([])
  })

  it('warnings are not announced', () => {
    const warning = connectionsAlert(80, { firstSeen: START + 1, severity: 'warning' })
    expect(alertsToNotify('p1', [warning], ctx(), new NotifyMemory())).toEqual([])
  })

  it('a leak is announced whatever its severity (the engine raises it critical; the rule does not need that)', () => {
    const alert = leak({ severity: 'warning' })
    expect(ids(alertsToNotify('p1', [alert], ctx(), new NotifyMemory()))).toEqual([alert.id])
  })

  it('idle in transaction is announced from its first, warning, sight', () => {
    const idle = idleAlert(session(42), { firstSeen: START + 1, severity: 'warning' })
    expect(ids(alertsToNotify('p1', [idle], ctx(), new NotifyMemory()))).toEqual([idle.id])
  })

  it('a warning that turns critical is announced then (even though it began before)', () => {
    const memory = new NotifyMemory()
    const old = {
      ...idleAlert(session(42), { firstSeen: START - 60_000, severity: 'warning' }),
      id: 'long-query:42',
      kind: 'long-query',
      runningMs: 150_000,
    } as SessionAlert
    expect(alertsToNotify('p1', [old], ctx(), memory)).toEqual([])
    expect(ids(alertsToNotify('p1', [{ ...old, severity: 'critical' }], ctx(), memory))).toEqual([
      old.id,
    ])
  })

  it('a critical alert already open when the page loaded is counted, not announced', () => {
    expect(
      alertsToNotify('p1', [leak({ firstSeen: START - 1 })], ctx(), new NotifyMemory()),
    ).toEqual([])
  })

  it('resolved alerts are not announced', () => {
    expect(
      alertsToNotify('p1', [leak({ resolvedAt: START + 2_000 })], ctx(), new NotifyMemory()),
    ).toEqual([])
  })

  it.each([
    ['the desktop shell (main notifies)', ctx({ shell: 'desktop' })],
    ['before AppInfo is known', ctx({ shell: undefined })],
    ['without permission', ctx({ permission: 'default' })],
    ['with permission denied', ctx({ permission: 'denied' })],
    ['where the API is missing', ctx({ permission: 'unsupported' })],
    ['with notifications off', ctx({ preferences: prefs({ notificationsEnabled: false }) })],
    ['for a muted profile', ctx({ preferences: prefs({ mutedProfileIds: ['p1'] }) })],
  ])('nothing in %s', (_what, context) => {
    expect(alertsToNotify('p1', [leak()], context, new NotifyMemory())).toEqual([])
  })

  it('the same alert id on another profile is another alert, announced too', () => {
    const memory = new NotifyMemory()
    const alert = leak()
    expect(ids(alertsToNotify('p1', [alert], ctx(), memory))).toEqual([alert.id])
    expect(ids(alertsToNotify('p2', [alert], ctx(), memory))).toEqual([alert.id])
  })

  it('another profile’s mute does not silence this one', () => {
    const context = ctx({ preferences: prefs({ mutedProfileIds: ['p2'] }) })
    expect(alertsToNotify('p1', [leak()], context, new NotifyMemory())).toHaveLength(1)
  })

  it('an alert seen while muted is not announced late, after the mute is lifted', () => {
    const memory = new NotifyMemory()
    const alert = leak()
    alertsToNotify('p1', [alert], ctx({ preferences: prefs({ mutedProfileIds: ['p1'] }) }), memory)
    expect(alertsToNotify('p1', [alert], ctx(), memory)).toEqual([])
  })

  it('before the preferences arrived notifications count as on and nobody as muted', () => {
    expect(
      alertsToNotify('p1', [leak()], ctx({ preferences: null }), new NotifyMemory()),
    ).toHaveLength(1)
  })

  it('the memory is bounded: the oldest ids are forgotten first', () => {
    const memory = new NotifyMemory(2)
    memory.markNotified('a')
    memory.markNotified('b')
    memory.markNotified('c')
    expect([memory.notified('a'), memory.notified('b'), memory.notified('c')]).toEqual([
      false,
      true,
      true,
    ])
  })
})

describe('page title', () => {
  it('carries the open critical alerts', () => {
    expect(pageTitle(0)).toBe('Lifeguard')
    expect(pageTitle(3)).toBe('(3) Lifeguard')
  })
})
