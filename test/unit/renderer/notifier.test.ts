/**
 * The notifier follows the store: a newly raised critical alert of a profile becomes one
 * notification naming the profile, kind and message; clicking it opens that profile's Alerts
 * tab. Nothing in the desktop shell.
 */
import { describe, expect, it } from 'vitest'
import {
  startNotifier,
  type NotificationSink,
} from '../../../src/renderer/src/features/notifications/notifier'
import { createLifeguardStore } from '../../../src/renderer/src/stores/store'
import { S0, leakAlert } from './sessions-fixture'
import { appInfo, profile } from './store-fixture'

function setup(shell: 'web' | 'desktop') {
  const store = createLifeguardStore()
  store.setState({ wallNow: () => S0 })
  store.getState().setAppInfo(appInfo([], { shell }))
  store.getState().setProfiles([profile('p1', { name: 'orders' })])
  const shown: { title: string; body: string; tag: string; click: () => void }[] = []
  const sink: NotificationSink = {
    permission: () => 'granted',
    show: (title, options, onClick) => void shown.push({ title, ...options, click: onClick }),
  }
  const visited: string[] = []
  const stop = startNotifier(store, sink, (hash) => void visited.push(hash))
  return { store, shown, visited, stop }
}

describe('notifier', () => {
  it('one notification per new critical alert, naming the profile; a click opens its alerts', () => {
    const { store, shown, visited } = setup('web')
    const alert = leakAlert(null, { firstSeen: S0 + 10 })
    store.getState().setAlerts({ profileId: 'p1', alerts: [alert] })
    store.getState().setAlerts({ profileId: 'p1', alerts: [{ ...alert, lastSeen: S0 + 2_000 }] })
    expect(shown.map((n) => [n.title, n.body, n.tag])).toEqual([
      ['‼ orders: Pool leak', 'connection #7 held for 45 s', `lifeguard-p1-${alert.id}`],
    ])
    shown[0]?.click()
    expect(visited).toEqual(['#/profile/p1/alerts'])
  })

  it('two profiles’ alerts with the same id get tags of their own (neither replaces the other)', () => {
    const { store, shown } = setup('web')
    store
      .getState()
      .setProfiles([profile('p1', { name: 'orders' }), profile('p2', { name: 'billing' })])
    const alert = leakAlert(null, { firstSeen: S0 + 10 })
    store.getState().setAlerts({ profileId: 'p1', alerts: [alert] })
    store.getState().setAlerts({ profileId: 'p2', alerts: [alert] })
    expect(shown.map((n) => [n.title, n.tag])).toEqual([
      ['‼ orders: Pool leak', `lifeguard-p1-${alert.id}`],
      ['‼ billing: Pool leak', `lifeguard-p2-${alert.id}`],
    ])
  })

  it('nothing in the desktop shell', () => {
    const { store, shown } = setup('desktop')
    store
      .getState()
      .setAlerts({ profileId: 'p1', alerts: [leakAlert(null, { firstSeen: S0 + 10 })] })
    expect(shown).toEqual([])
  })

  it('stops following the store when stopped', () => {
    const { store, shown, stop } = setup('web')
    stop()
    store
      .getState()
      .setAlerts({ profileId: 'p1', alerts: [leakAlert(null, { firstSeen: S0 + 10 })] })
    expect(shown).toEqual([])
  })
})
