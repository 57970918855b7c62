/** The alert list shows the cockpit's kinds: the breaker open and the write queue filling. */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { AlertList } from '../../../src/renderer/src/features/sessions/alert-list'
import type { SessionAlert } from '../../../src/shared/sessions'
import { byTestId, render, text } from './render-fixture'
import { S0 } from './sessions-fixture'

const base = { firstSeen: S0, lastSeen: S0, resolvedAt: null, severity: 'critical' as const }

const breaker: SessionAlert = {
  ...base,
  id: 'breaker-open~1',
  key: 'breaker-open',
  message: 'the database has been unreachable for 35 s: operations fail fast',
  kind: 'breaker-open',
  unreachableSince: S0 - 35_000,
  retryAfterMs: 12_000,
}

const queue: SessionAlert = {
  ...base,
  id: 'queue-filling',
  key: 'queue-filling',
  message: 'the write queue is 85 % full',
  kind: 'queue-filling',
  depth: 850,
  maxQueueSize: 1000,
  ratio: 0.85,
}

describe('alert list: breaker and queue alerts', () => {
  it('breaker open: kind, message, since when, and the next attempt', () => {
    const html = render(createElement(AlertList, { alerts: [breaker] }))
    const item = byTestId(html, 'alert-item') ?? ''
    expect(item).toContain('data-kind="breaker-open"')
    expect(text(item)).toContain('Circuit breaker open')
    expect(text(byTestId(html, 'breaker-detail'))).toContain('next attempt in 12 s')
    expect(text(byTestId(html, 'breaker-detail'))).toContain('unreachable since')
  })

  it('breaker open without a scheduled attempt says so', () => {
    const html = render(createElement(AlertList, { alerts: [{ ...breaker, retryAfterMs: null }] }))
    expect(text(byTestId(html, 'breaker-detail'))).toContain('no attempt scheduled')
  })

  it('queue filling: depth of max and the share', () => {
    const html = render(createElement(AlertList, { alerts: [queue] }))
    expect(text(byTestId(html, 'queue-detail'))).toContain('850 of 1000 queued (85 %)')
    expect(text(byTestId(html, 'alert-item'))).toContain('Write queue filling')
  })
})
