/**
 * The health view's content: state and level, countdown, breaker, backoff figures, reasons, the
 * chart's figure and legend, the table with counts, and the two commands (enabled only while main
 * runs a checker for the profile).
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import {
  HealthPanel,
  type HealthPanelProps,
} from '../../../src/renderer/src/features/health/health-panel'
import type { ProfileStatus } from '../../../src/shared/domain'
import { attempt, healthView, outageView, T0 } from './health-fixture'
import { all, byTestId, render, text } from './render-fixture'
import { profile, status } from './store-fixture'

function show(s: ProfileStatus | undefined, overrides: Partial<HealthPanelProps> = {}, now = T0) {
  const props: HealthPanelProps = {
    titleId: 'title',
    profile: profile('p1', { name: 'billing <primary>' }),
    status: s,
    attempts: [],
    load: { phase: 'loaded' },
    pending: null,
    error: null,
    onCommand: () => undefined,
    ...overrides,
  }
  return render(createElement(HealthPanel, props), now)
}

function button(html: string, name: string) {
  const m = [...html.matchAll(/<button([^>]*)>([\s\S]*?)<\/button>/g)].find(
    (b) => text(b[2]) === name,
  )
  return m ? { disabled: / disabled=""/.test(m[1] ?? '') } : undefined
}

describe('health panel', () => {
  it('during an outage: state, level, countdown, breaker, backoff figures, reasons', () => {
    const html = show(status('p1', 'failed', 1, { health: outageView() }), {}, T0 + 2_000)
    expect(text(byTestId(html, 'health-dialog'))).toContain('Health of “billing <primary>”')
    expect(byTestId(html, 'health-dialog')).toContain('data-state="failed"')
    expect(text(byTestId(html, 'health-level'))).toBe('‼ Critical')
    expect(text(byTestId(html, 'next-attempt'))).toBe('in 10 s')
    expect(byTestId(html, 'breaker-state')).toContain('data-breaker="closed"')
    expect(text(byTestId(html, 'backoff-step'))).toBe('3')
    expect(text(byTestId(html, 'consecutive-failures'))).toBe('3')
    expect(text(byTestId(html, 'unreachable-for'))).toBe('unreachable for 44 s')
    expect(text(byTestId(html, 'health-reasons'))).toBe('connection refused by 127.0.0.1:5432')
  })

  it('an open breaker is named', () => {
    const html = show(status('p1', 'failed', 1, { health: outageView({ breaker: 'open' }) }))
    expect(byTestId(html, 'breaker-state')).toContain('data-breaker="open"')
    expect(text(byTestId(html, 'breaker-state'))).toBe('⊘ Breaker open')
  })

  it('while main runs a checker, Reconnect now and Reset backoff are enabled', () => {
    const html = show(status('p1', 'connecting', 1, { health: outageView() }))
    expect(button(html, 'Reconnect now')).toEqual({ disabled: false })
    expect(button(html, 'Reset backoff')).toEqual({ disabled: false })
  })

  it('a command in flight disables both', () => {
    const html = show(status('p1', 'failed', 1, { health: outageView() }), { pending: 'reset' })
    expect(button(html, 'Reconnect now')).toEqual({ disabled: true })
    expect(button(html, 'Reset backoff')).toEqual({ disabled: true })
  })

  it('disconnected: no checker figures, both commands disabled, the old timeline still shown', () => {
    const html = show(status('p1', 'disconnected', 1), { attempts: [attempt(1)] })
    expect(byTestId(html, 'health-idle')).toBeDefined()
    expect(byTestId(html, 'next-attempt')).toBeUndefined()
    expect(button(html, 'Reconnect now')).toEqual({ disabled: true })
    expect(button(html, 'Reset backoff')).toEqual({ disabled: true })
    expect(all(html, 'attempt-row')).toHaveLength(1)
  })

  it('connected: probe latency instead of a countdown, no error line', () => {
    const html = show(status('p1', 'connected', 1, { health: healthView({ latencyMs: 12.4 }) }))
    expect(byTestId(html, 'next-attempt')).toBeUndefined()
    expect(text(byTestId(html, 'health-dialog'))).toContain('Probe 12 ms')
    expect(byTestId(html, 'health-reasons')).toBeUndefined()
  })

  it('the chart (figure and legend) and the table with a count of attempts and failures', () => {
    const attempts = [
      attempt(1),
      attempt(2),
      attempt(3, { outcome: 'success', errorClass: null, message: null }),
    ]
    const html = show(status('p1', 'failed', 1, { health: outageView() }), { attempts })
    const chart = byTestId(html, 'retry-chart') ?? ''
    expect(chart).toContain('<canvas')
    for (const entry of ['Scheduled delay (backoff)', 'Actual delay', 'Success', 'Failed attempt'])
      expect(text(chart)).toContain(entry)
    expect(all(html, 'attempt-row')).toHaveLength(3)
    expect(text(byTestId(html, 'attempt-count'))).toBe('3 attempts · 2 failed')
  })

  it('before main answered and with nothing known yet, it says it is loading', () => {
    const html = show(status('p1', 'failed', 1, { health: outageView() }), {
      load: { phase: 'loading' },
    })
    expect(text(html)).toContain('Loading the retry timeline…')
    expect(byTestId(html, 'attempt-table')).toBeUndefined()
  })

  it('a failed load and a failed command are shown', () => {
    const html = show(status('p1', 'failed', 1, { health: outageView() }), {
      load: { phase: 'failed', error: { code: 'not-found', message: 'no such profile' } },
      error: { code: 'invalid-state', message: 'the profile is not connected' },
    })
    expect(text(byTestId(html, 'health-load-error'))).toContain('no such profile')
    expect(text(byTestId(html, 'health-command-error'))).toContain('the profile is not connected')
  })
})
