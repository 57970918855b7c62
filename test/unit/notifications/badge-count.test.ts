/**
 * The dock / taskbar badge counts the open critical alerts of every profile, muted ones included,
 * and is set only when the count changes; a deleted profile's alerts leave it.
 */
import { describe, expect, it } from 'vitest'
import { alert, notifier } from './support'

describe('badge count', () => {
  it('counts open critical alerts across profiles, muted ones too', () => {
    const { n, prefs, badges } = notifier()
    prefs.mutedProfileIds = ['p2']
    n.alertsChanged({
      profileId: 'p1',
      alerts: [alert('a', 'leak'), alert('b', 'blocked'), alert('c', 'leak', 'warning', 7)],
    })
    n.alertsChanged({ profileId: 'p2', alerts: [alert('d', 'connections', 'critical')] })
    expect(n.badgeCount).toBe(2)
    n.alertsChanged({ profileId: 'p2', alerts: [alert('d', 'connections', 'critical')] })
    expect(badges).toEqual([1, 2])
    n.alertsChanged({ profileId: 'p1', alerts: [alert('a', 'leak', 'warning', 8)] })
    expect(badges).toEqual([1, 2, 1])
  })

  it('a deleted profile leaves the count', () => {
    const { n, badges } = notifier()
    n.alertsChanged({ profileId: 'p1', alerts: [alert('a', 'leak')] })
    n.alertsChanged({ profileId: 'p2', alerts: [alert('b', 'leak')] })
    n.keepProfiles(['p2'])
    expect(n.badgeCount).toBe(1)
    expect(badges).toEqual([1, 2, 1])
  })

  it('disabled notifications still count', () => {
    const { n, prefs, shown } = notifier()
    prefs.notificationsEnabled = false
    n.alertsChanged({ profileId: 'p1', alerts: [alert('a', 'idle-in-transaction')] })
    expect(n.badgeCount).toBe(1)
    expect(shown).toEqual([])
  })
})
