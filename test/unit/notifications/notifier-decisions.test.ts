/**
 * Which alerts raise a desktop notification: the critical kinds (leak, breaker open, idle in
 * transaction, queue filling; long query and connections once critical), once per alert id,
 * unless notifications are disabled or the profile is muted.
 */
import { describe, expect, it } from 'vitest'
import { alwaysCriticalKinds } from '../../../src/shared/alert-criticality'
import type { AlertKind } from '../../../src/shared/sessions'
import { alert, notifier } from './support'

describe('which alerts notify', () => {
  it.each([
    ['leak', 'critical', true],
    ['leak', 'warning', true],
    ['breaker-open', 'critical', true],
    ['idle-in-transaction', 'warning', true],
    ['queue-filling', 'critical', true],
    ['long-query', 'warning', false],
    ['long-query', 'critical', true],
    ['connections', 'warning', false],
    ['connections', 'critical', true],
    ['blocked', 'warning', false],
  ] as const)('%s (%s): %s', (kind, severity, critical) => {
    const open = notifier()
    open.n.alertsChanged({ profileId: 'p1', alerts: [alert('a', kind, severity)] })
    expect(open.shown.length).toBe(critical ? 1 : 0)
    expect(open.n.badgeCount).toBe(critical ? 1 : 0)
    // Resolved alerts never count.
    const resolved = notifier()
    resolved.n.alertsChanged({ profileId: 'p1', alerts: [alert('a', kind, severity, 5)] })
    expect(resolved.shown).toEqual([])
    expect(resolved.n.badgeCount).toBe(0)
  })

  it('follows the shared rule (src/shared/alert-criticality.ts), not a copy of its own', () => {
    const kinds = alwaysCriticalKinds as Set<AlertKind>
    kinds.add('blocked')
    try {
      const { n, shown } = notifier()
      n.alertsChanged({ profileId: 'p1', alerts: [alert('b', 'blocked', 'warning')] })
      expect(shown.map((s) => s.alertId)).toEqual(['b'])
      expect(n.badgeCount).toBe(1)
    } finally {
      kinds.delete('blocked')
    }
  })

  it('notifies a newly raised critical alert once, with profile and kind in the title', () => {
    const { n, shown } = notifier()
    const leak = alert('leak:3', 'leak')
    n.alertsChanged({ profileId: 'p1', alerts: [leak] })
    n.alertsChanged({ profileId: 'p1', alerts: [leak, alert('blocked:1', 'blocked')] })
    expect(shown).toEqual([
      {
        profileId: 'p1',
        alertId: 'leak:3',
        title: 'Production: connection leak',
        body: 'leak leak:3 message',
      },
    ])
  })

  it('notifies a long query when it becomes critical, and only then', () => {
    const { n, shown } = notifier()
    n.alertsChanged({ profileId: 'p1', alerts: [alert('lq', 'long-query', 'warning')] })
    expect(shown).toEqual([])
    n.alertsChanged({ profileId: 'p1', alerts: [alert('lq', 'long-query', 'critical')] })
    n.alertsChanged({ profileId: 'p1', alerts: [alert('lq', 'long-query', 'warning')] })
    n.alertsChanged({ profileId: 'p1', alerts: [alert('lq', 'long-query', 'critical')] })
    expect(shown.map((s) => s.alertId)).toEqual(['lq'])
  })

  it('a resolved alert reopened under the same id does not notify again; a new id does', () => {
    const { n, shown } = notifier()
    n.alertsChanged({
      profileId: 'p1',
      alerts: [alert('breaker-open', 'breaker-open', 'critical')],
    })
    n.alertsChanged({
      profileId: 'p1',
      alerts: [alert('breaker-open', 'breaker-open', 'critical', 9)],
    })
    n.alertsChanged({
      profileId: 'p1',
      alerts: [alert('breaker-open', 'breaker-open', 'critical')],
    })
    n.alertsChanged({
      profileId: 'p1',
      alerts: [
        alert('breaker-open~2', 'breaker-open', 'critical'),
        alert('breaker-open', 'breaker-open', 'critical', 9),
      ],
    })
    expect(shown.map((s) => s.alertId)).toEqual(['breaker-open', 'breaker-open~2'])
  })

  it('nothing while the profile is muted or notifications are off, and no catch-up later', () => {
    const { n, prefs, shown } = notifier()
    prefs.mutedProfileIds = ['p1']
    n.alertsChanged({ profileId: 'p1', alerts: [alert('leak:1', 'leak')] })
    n.alertsChanged({ profileId: 'p2', alerts: [alert('leak:2', 'leak')] })
    prefs.notificationsEnabled = false
    n.alertsChanged({ profileId: 'p2', alerts: [alert('leak:2', 'leak'), alert('leak:3', 'leak')] })
    prefs.mutedProfileIds = []
    prefs.notificationsEnabled = true
    n.alertsChanged({ profileId: 'p1', alerts: [alert('leak:1', 'leak')] })
    n.alertsChanged({ profileId: 'p2', alerts: [alert('leak:2', 'leak'), alert('leak:3', 'leak')] })
    expect(shown.map((s) => `${s.profileId}/${s.alertId}`)).toEqual(['p2/leak:2'])
  })

  it('an alert id that left the list and comes back is new', () => {
    const { n, shown } = notifier()
    n.alertsChanged({ profileId: 'p1', alerts: [alert('leak:1', 'leak')] })
    n.alertsChanged({ profileId: 'p1', alerts: [] })
    n.alertsChanged({ profileId: 'p1', alerts: [alert('leak:1', 'leak')] })
    expect(shown).toHaveLength(2)
  })
})
