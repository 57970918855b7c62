/**
 * The card's server line: client connections in use against what the server makes available (as
 * numbers, percentage and bar; an icon past 80 % and 95 %), the open alerts by severity, and the
 * Sessions button.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { ServerSummaryLine } from '../../../src/renderer/src/features/profiles/server-summary'
import type { ServerSummary } from '../../../src/shared/sessions'
import { byTestId, render, text } from './render-fixture'
import { S0, snapshot } from './sessions-fixture'

function summary(used: number, available = 97): ServerSummary {
  const base = snapshot([])
  return {
    profileId: 'p1',
    sampledAt: S0,
    connections: { ...base.connections, used, available, ratio: used / available },
    counts: base.counts,
    sampleMs: 2.1,
  }
}

const show = (s: ServerSummary | undefined, critical = 0, warning = 0) =>
  render(
    createElement(ServerSummaryLine, { summary: s, critical, warning, onOpen: () => undefined }),
  )

describe('card: server line', () => {
  it('used / available and the percentage, the settings behind "available" on hover', () => {
    const html = show(summary(12))
    expect(text(byTestId(html, 'server-gauge-text'))).toBe('12 / 97 · 12 %')
    expect(byTestId(html, 'server-gauge')).toContain('data-level="ok"')
    expect(html).toContain(
      'title="12 of 97 connections (12 %): max_connections 100 − superuser_reserved_connections 3 = 97 available"',
    )
    expect(html).toMatch(/class="server-gauge-fill" style="width:12\.37\d*%"/)
  })

  it('past 80 % a warning icon, past 95 % a critical one (not only a colour)', () => {
    const warn = show(summary(80))
    expect(byTestId(warn, 'server-gauge')).toContain('data-level="warning"')
    expect(text(byTestId(warn, 'server-gauge-text'))).toBe('▲ 80 / 97 · 82 %')
    const crit = show(summary(99))
    expect(byTestId(crit, 'server-gauge')).toContain('data-level="critical"')
    expect(text(byTestId(crit, 'server-gauge-text'))).toBe('‼ 99 / 97 · 102 %')
    expect(crit).toMatch(/class="server-gauge-fill" style="width:100%"/)
  })

  it('open alerts by severity, as icon, number and word', () => {
    const html = show(summary(5), 1, 2)
    const badge = byTestId(html, 'alert-badge') ?? ''
    expect(badge).toContain('data-critical="1"')
    expect(badge).toContain('data-warning="2"')
    expect(text(badge)).toBe('‼ 1 critical ▲ 2 warning')
    expect(text(byTestId(show(summary(5)), 'alert-badge'))).toBe('✓ No open alerts')
  })

  it('the Sessions button is there, also before the first sample', () => {
    const html = show(undefined)
    expect(text(byTestId(html, 'server-gauge-waiting'))).toBe('waiting for the first sample…')
    expect(html).toMatch(/<button[^>]*>Sessions<\/button>/)
    expect(show(summary(1))).toMatch(/<button[^>]*>Sessions<\/button>/)
  })
})
