/**
 * The sessions view's content from a snapshot: the server gauge and counts, one row group per
 * client session with its figures, the "Lifeguard" tag, a hidden query's reason, the blockers,
 * the query on one line; server text (an HTML payload) only ever as escaped text.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import {
  SessionsPanel,
  versionText,
  type SessionsPanelProps,
} from '../../../src/renderer/src/features/sessions/sessions-panel'
import {
  defaultSort,
  noFilter,
} from '../../../src/renderer/src/features/sessions/session-table-model'
import type { SessionSnapshot } from '../../../src/shared/sessions'
import { all, byTestId, render, text } from './render-fixture'
import {
  active,
  idleInTransaction,
  PAYLOAD,
  S0,
  session,
  sessionsView,
  snapshot,
} from './sessions-fixture'
import { profile } from './store-fixture'

function show(snap: SessionSnapshot | null, overrides: Partial<SessionsPanelProps> = {}) {
  const props: SessionsPanelProps = {
    titleId: 't',
    profile: profile('p1', { name: 'orders <primary>' }),
    state: 'connected',
    load: { view: sessionsView('p1', snap), error: null, loading: false },
    alerts: [],
    sort: defaultSort,
    filter: noFilter,
    expanded: new Set(),
    notice: null,
    onSort: () => undefined,
    onFilter: () => undefined,
    onToggle: () => undefined,
    onAction: () => undefined,
    onDismissNotice: () => undefined,
    onRefresh: () => undefined,
    ...overrides,
  }
  return render(createElement(SessionsPanel, props), S0)
}

const row = (html: string, pid: number): string =>
  all(html, 'session-row').find((r) => r.includes(`data-pid="${pid}"`)) ?? ''

const sample = snapshot([
  idleInTransaction(101, 75_000, {
    application: PAYLOAD,
    user: 'bob',
    query: `SELECT '${PAYLOAD}'`,
  }),
  active(102, 9_000, { blockedBy: [101], waitEventType: 'Lock', waitEvent: 'transactionid' }),
  session(103, { own: true, application: 'lifeguard' }),
  active(104, 2, { own: true, sampler: true, application: 'lifeguard', query: '/* lifeguard */' }),
  session(105, { user: null, state: null, query: null, queryHidden: true, application: null }),
])

describe('sessions panel', () => {
  it('the header: name, version, sample time and how long the sample took', () => {
    const html = show(sample)
    expect(text(byTestId(html, 'sessions-view'))).toContain('Sessions on “orders <primary>”')
    expect(text(byTestId(html, 'sample-info'))).toMatch(
      /^PostgreSQL 17\.2 · sampled \d\d:\d\d:\d\d in 3\.20 ms$/,
    )
    expect(versionText(160_000)).toBe('16.0')
  })

  it('the server gauge: used against available, as numbers and percentage', () => {
    const html = show(sample)
    const gauge = byTestId(html, 'server-gauge') ?? ''
    expect(gauge).toContain('data-used="5"')
    expect(gauge).toContain('data-available="97"')
    expect(text(byTestId(html, 'server-gauge-text'))).toBe('5 / 97 · 5 %')
    expect(gauge).toContain('aria-valuetext="5 of 97 connections (5 %)"')
  })

  it('counts by state, each with its word; idle in transaction and blocked flagged', () => {
    const html = show(sample)
    expect(text(byTestId(html, 'state-count-total'))).toBe('5')
    expect(text(byTestId(html, 'state-count-active'))).toBe('2')
    expect(text(byTestId(html, 'state-count-idleInTransaction'))).toBe('▲ 1')
    expect(text(byTestId(html, 'state-count-blocked'))).toBe('▲ 1')
    expect(text(byTestId(html, 'state-count-hidden'))).toBe('1')
  })

  it('one row group per client session, the oldest transaction first', () => {
    const html = show(sample)
    const pids = all(html, 'session-row').map((r) => /data-pid="(\d+)"/.exec(r)?.[1])
    expect(pids).toEqual(['101', '102', '104', '103', '105'])
    expect(text(byTestId(html, 'sessions-shown'))).toBe('5 sessions')
  })

  it('a row shows who, from where, doing what, for how long, and the query', () => {
    const r = row(show(sample), 101)
    expect(r).toContain('data-state="idle in transaction"')
    const t = text(r)
    for (const part of [
      '101',
      'bob',
      'app',
      '10.0.0.5:50101',
      '◐ idle in transaction',
      'ClientRead',
      '1 min 15 s',
      '5.0 s',
    ])
      expect(t).toContain(part)
    expect(text(byTestId(r, 'session-query'))).toBe(`SELECT '${PAYLOAD}'`)
  })

  it('server text is escaped text: the payload never becomes an element', () => {
    const html = show(sample)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(text(byTestId(row(html, 101), 'session-application'))).toBe(PAYLOAD)
  })

  it('blockers are named; Lifeguard’s own sessions are tagged; the sampler has no actions', () => {
    const html = show(sample)
    expect(text(byTestId(row(html, 102), 'blocked-by'))).toBe('blocked by 101')
    expect(text(byTestId(row(html, 103), 'own-tag'))).toBe('Lifeguard')
    expect(row(html, 101)).not.toContain('data-testid="own-tag"')
    expect(text(byTestId(row(html, 104), 'actions-unavailable'))).toBe('Lifeguard’s sampler')
    expect(row(html, 103)).toContain('aria-label="Terminate session 103"')
  })

  it('a query the server hid says why, plainly', () => {
    const r = row(show(sample), 105)
    expect(text(byTestId(r, 'query-hidden'))).toBe('⊘ query hidden: needs pg_monitor')
    expect(text(byTestId(r, 'session-state'))).toBe('⊘ hidden')
  })

  it('a role without pg_monitor is told how many sessions it cannot see', () => {
    const html = show({ ...sample, seesAllSessions: false, hiddenSessions: 3 })
    expect(text(byTestId(html, 'privilege-note'))).toMatch(
      /This role lacks pg_monitor ?: the server hides the details of 3 other sessions/,
    )
    expect(show(sample)).not.toContain('privilege-note')
  })

  it('an open row shows the whole query and the times the row has no room for', () => {
    const long = `SELECT ${'x, '.repeat(300)}y FROM t`
    const html = show(snapshot([active(7, 4_000, { query: long, queryId: '-123' })]), {
      expanded: new Set([7]),
    })
    expect(text(byTestId(html, 'session-query-full'))).toBe(long.replace(/\s+/g, ' '))
    expect(text(byTestId(html, 'session-details'))).toContain('Query id -123')
    expect(show(sample)).not.toContain('data-testid="session-details"')
  })

  it('filters narrow the rows and say how many are shown', () => {
    const html = show(sample, { filter: { ...noFilter, user: '=bob' } })
    expect(all(html, 'session-row')).toHaveLength(1)
    expect(text(byTestId(html, 'sessions-shown'))).toBe('1 of 5 sessions')
  })

  it('no sample yet: says so (connected) or asks to connect', () => {
    expect(text(byTestId(show(null), 'sessions-no-sample'))).toContain('No sample')
    expect(text(byTestId(show(null, { state: 'disconnected' }), 'sessions-no-sample'))).toContain(
      'Not connected',
    )
  })

  it('a failed sample keeps the previous one on screen, with the error as text', () => {
    const html = show(sample, {
      load: {
        view: {
          ...sessionsView('p1', sample),
          error: { code: 'timeout', message: `slow ${PAYLOAD}` },
        },
        error: null,
        loading: false,
      },
    })
    expect(text(byTestId(html, 'sample-error'))).toContain(
      `The latest sample failed : slow ${PAYLOAD}`,
    )
    expect(all(html, 'session-row')).toHaveLength(5)
    expect(html).not.toContain('<img')
  })

  it('an action’s outcome is shown above the table', () => {
    const html = show(sample, {
      notice: { outcome: 'failed', text: 'permission denied: not allowed to terminate pid 101' },
    })
    const notice = byTestId(html, 'action-notice') ?? ''
    expect(notice).toContain('data-outcome="failed"')
    expect(notice).toContain('role="alert"')
    expect(text(notice)).toContain('permission denied: not allowed to terminate pid 101')
  })
})
