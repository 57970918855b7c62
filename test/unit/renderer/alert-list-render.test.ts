/**
 * The alert list: open alerts first (critical, then oldest), then the latest resolved ones; each
 * with severity as icon and word, kind, first/last seen or resolved, and its session; a pool leak
 * with the holder's side (label, acquire site, time held) and the server's view of its session.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import {
  AlertList,
  orderAlerts,
  RESOLVED_SHOWN,
} from '../../../src/renderer/src/features/sessions/alert-list'
import { sessionView, type SessionAlert } from '../../../src/shared/sessions'
import { clockTime } from '../../../src/renderer/src/lib/countdown'
import { all, byTestId, render, text } from './render-fixture'
import {
  connectionsAlert,
  idleAlert,
  idleInTransaction,
  leakAlert,
  PAYLOAD,
  S0,
  session,
} from './sessions-fixture'

const show = (alerts: SessionAlert[]) => render(createElement(AlertList, { alerts }), S0)
const ids = (html: string) =>
  all(html, 'alert-item').map((a) => /data-alert-id="([^"]+)"/.exec(a)?.[1])

describe('alert list', () => {
  it('open first, critical before warning, oldest first; then the latest resolved', () => {
    const alerts = [
      idleAlert(session(1), { id: 'old-resolved', resolvedAt: S0 - 5_000 }),
      idleAlert(session(2), { id: 'warning-new', firstSeen: S0 - 1_000 }),
      connectionsAlert(93, { id: 'critical', severity: 'critical', firstSeen: S0 }),
      idleAlert(session(3), { id: 'warning-old', firstSeen: S0 - 9_000 }),
      idleAlert(session(4), { id: 'new-resolved', resolvedAt: S0 - 1_000 }),
    ]
    expect(ids(show(alerts))).toEqual([
      'critical',
      'warning-old',
      'warning-new',
      'new-resolved',
      'old-resolved',
    ])
  })

  it('an open alert: severity icon and word, kind, message, first and last seen, its session', () => {
    const s = idleInTransaction(4242, 75_000, {
      application: PAYLOAD,
      query: `SELECT '${PAYLOAD}'`,
    })
    const html = show([idleAlert(s)])
    const item = byTestId(html, 'alert-item') ?? ''
    expect(item).toContain('data-kind="idle-in-transaction"')
    expect(item).toContain('data-pid="4242"')
    expect(item).toContain('data-resolved="false"')
    const t = text(item)
    expect(t).toContain(
      '▲ Warning Idle in transaction pid 4242 has been idle in transaction for 75 s',
    )
    expect(t).toContain(`first ${clockTime(S0 - 10_000)}`)
    expect(t).toContain(`last ${clockTime(S0)}`)
    expect(t).toContain('idle for 1 min 15 s')
    expect(text(byTestId(item, 'alert-application'))).toBe(`app ${PAYLOAD}`)
    expect(t).toContain(`SELECT '${PAYLOAD}'`)
    expect(html).not.toContain('<img')
  })

  it('a resolved alert says when, with an icon, and no longer a last seen', () => {
    const item =
      byTestId(show([idleAlert(session(5), { resolvedAt: S0 + 2_000 })]), 'alert-item') ?? ''
    expect(item).toContain('data-resolved="true"')
    expect(text(byTestId(item, 'alert-resolved-at'))).toBe(`✓ resolved ${clockTime(S0 + 2_000)}`)
    expect(text(item)).not.toContain('last ')
  })

  it('a pool leak shows the holder and the server’s view of the same connection', () => {
    const server = sessionView(
      idleInTransaction(4300, 50_000, { application: 'lifeguard', own: true }),
    )
    const detail = byTestId(show([leakAlert(server)]), 'leak-detail') ?? ''
    expect(text(byTestId(detail, 'leak-holder'))).toBe('report job <b>nightly</b>')
    expect(detail).not.toContain('<b>')
    expect(text(byTestId(detail, 'leak-held'))).toBe('held 45 s')
    expect(text(byTestId(detail, 'leak-site'))).toBe('at runReport (/app/jobs/report.ts:42:7)')
    expect(text(detail)).toContain('at main (/app/main.ts:9:3)')
    expect(text(detail)).toContain('Server (matched by backend pid)')
    expect(text(detail)).toContain('pid 4300')
    expect(text(detail)).toContain('idle in transaction')
    expect(text(detail)).toContain('Lifeguard')
  })

  it('a leak whose backend the pool did not know says so', () => {
    const detail = byTestId(show([leakAlert(null)]), 'leak-detail')
    expect(text(detail)).toContain('Server (backend pid unknown to the pool)')
    expect(text(detail)).toContain('No server session to show.')
  })

  it('the connections alert shows used against available', () => {
    const html = show([connectionsAlert(80)])
    expect(text(byTestId(html, 'alert-item'))).toContain('80 of 97 connections (82 %)')
  })

  it(`keeps at most ${RESOLVED_SHOWN} resolved ones and says how many more there are`, () => {
    const resolved = Array.from({ length: RESOLVED_SHOWN + 3 }, (_, i) =>
      idleAlert(session(100 + i), { id: `r${i}`, resolvedAt: S0 + i }),
    )
    const html = show(resolved)
    expect(all(html, 'alert-item')).toHaveLength(RESOLVED_SHOWN)
    expect(ids(html)[0]).toBe(`r${RESOLVED_SHOWN + 2}`)
    expect(text(html)).toContain('3 earlier resolved alerts not shown.')
    expect(orderAlerts(resolved).resolved).toHaveLength(RESOLVED_SHOWN + 3)
  })

  it('no alert at all is said in words', () => {
    expect(text(byTestId(show([]), 'alerts-empty'))).toMatch(/^No alerts/)
  })
})
