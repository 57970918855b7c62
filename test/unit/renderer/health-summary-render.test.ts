/**
 * The card's health summary: level as icon and words with its reasons, probe latency while
 * connected; while retrying the countdown, how long the database has been unreachable, and the
 * breaker only when it is not closed. Database text stays text.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { HealthSummary } from '../../../src/renderer/src/features/profiles/health-summary'
import type { ProfileStatus } from '../../../src/shared/domain'
import { healthView, outageView, T0 } from './health-fixture'
import { byTestId, render, text } from './render-fixture'
import { status } from './store-fixture'

const show = (s: ProfileStatus, now = T0) =>
  render(createElement(HealthSummary, { status: s, onOpen: () => undefined }), now)

describe('card health summary', () => {
  it('nothing while Lifeguard runs no checker for the profile', () => {
    expect(show(status('p1', 'disconnected', 1))).toBe('')
  })

  it('connected and healthy: level with icon and words, probe latency, no countdown', () => {
    const html = show(status('p1', 'connected', 1, { health: healthView({ latencyMs: 0.42 }) }))
    const level = byTestId(html, 'health-level') ?? ''
    expect(level).toContain('data-level="healthy"')
    expect(text(level)).toBe('✓ Healthy')
    expect(text(byTestId(html, 'probe-latency'))).toBe('probe 0.42 ms')
    expect(byTestId(html, 'next-attempt')).toBeUndefined()
    expect(byTestId(html, 'breaker-state')).toBeUndefined()
  })

  it('connected but warning: the reasons are listed and in the badge title', () => {
    const reasons = ['probe took 412 ms (warning above 250 ms)', '3 callers waiting']
    const html = show(
      status('p1', 'connected', 1, { health: healthView({ level: 'warning', reasons }) }),
    )
    expect(text(byTestId(html, 'health-level'))).toBe('▲ Warning')
    expect(text(byTestId(html, 'health-reasons'))).toBe(reasons.join(' '))
    expect(byTestId(html, 'health-level')).toContain(`title="${reasons.join('\n')}"`)
  })

  it.each(['connecting', 'failed'] as const)(
    '%s: countdown to the next attempt and time unreachable, ticking from the injected clock',
    (state) => {
      const s = status('p1', state, 1, { health: outageView({ nextAttemptAt: T0 + 12_000 }) })
      expect(text(byTestId(show(s, T0), 'next-attempt'))).toBe('Next attempt in 12 s')
      expect(text(byTestId(show(s, T0 + 4_000), 'next-attempt'))).toBe('Next attempt in 8 s')
      expect(text(byTestId(show(s, T0 + 12_000), 'next-attempt'))).toBe('Next attempt due now')
      expect(text(byTestId(show(s, T0), 'unreachable-for'))).toBe('unreachable for 42 s')
      expect(text(byTestId(show(s, T0), 'health-level'))).toBe('‼ Critical')
    },
  )

  it('no scheduled attempt (permanent error, no retry) says so', () => {
    const s = status('p1', 'failed', 1, { health: outageView({ nextAttemptAt: null }) })
    expect(text(byTestId(show(s), 'next-attempt'))).toBe('No attempt scheduled')
  })

  it.each(['open', 'half-open'] as const)('the breaker is shown when %s', (breaker) => {
    const html = show(status('p1', 'failed', 1, { health: outageView({ breaker }) }))
    const badge = byTestId(html, 'breaker-state') ?? ''
    expect(badge).toContain(`data-breaker="${breaker}"`)
    expect(text(badge)).toBe(`⊘ Breaker ${breaker}`)
  })

  it('the breaker is not shown while closed', () => {
    const html = show(status('p1', 'failed', 1, { health: outageView({ breaker: 'closed' }) }))
    expect(byTestId(html, 'breaker-state')).toBeUndefined()
  })

  it.each(['connected', 'connecting', 'failed'] as const)(
    '%s: the Health button opens the health view',
    (state) => {
      const html = show(status('p1', state, 1, { health: outageView() }))
      expect(html).toMatch(/<button[^>]*>Health<\/button>/)
    },
  )

  it('reasons from the database are text, not markup', () => {
    const reasons = ['<img src=x onerror=alert(1)> role "<b>admin</b>"']
    const html = show(
      status('p1', 'connected', 1, { health: healthView({ level: 'critical', reasons }) }),
    )
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(text(byTestId(html, 'health-reasons'))).toBe(reasons[0])
  })
})
