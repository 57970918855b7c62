/**
 * A notification's text is plain: control characters removed, length capped, and on Linux
 * (whose notification servers may read markup) `&`, `<`, `>` escaped; a name that looks like
 * markup stays text everywhere.
 */
import { describe, expect, it } from 'vitest'
import {
  BODY_MAX,
  notificationBody,
  notificationTitle,
} from '../../../src/main/notifications/notification-text'
import { alert, notifier } from './support'

describe('notification text', () => {
  it('escapes markup on Linux and keeps it verbatim elsewhere', () => {
    const message = 'pid 7 has been idle in transaction for 2 min <b>&</b>'
    expect(notificationBody(message, 'linux')).toBe(
      'pid 7 has been idle in transaction for 2 min &lt;b&gt;&amp;&lt;/b&gt;',
    )
    expect(notificationBody(message, 'darwin')).toBe(message)
    expect(notificationBody(message, 'win32')).toBe(message)
  })

  it('removes control characters and caps the length', () => {
    expect(notificationTitle('Prod\u0000\u001b[31m\nDB', 'leak')).toBe(
      'Prod [31m DB: connection leak',
    )
    const long = notificationBody('x'.repeat(1000), 'darwin')
    expect(long).toHaveLength(BODY_MAX)
    expect(long.endsWith('…')).toBe(true)
  })

  it('the notifier passes the platform on', () => {
    const { n, names, shown } = notifier('linux')
    names['p1'] = '<img src=x onerror=alert(1)>'
    n.alertsChanged({ profileId: 'p1', alerts: [alert('a', 'leak')] })
    expect(shown[0]!.title).toBe('<img src=x onerror=alert(1)>: connection leak')
    expect(shown[0]!.body).toBe('leak a message')
  })
})
