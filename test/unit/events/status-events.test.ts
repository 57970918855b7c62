/**
 * A profile's own changes as engine events, through a real session on stub connections: the
 * connection state, the health level, the breaker, every attempt; and alerts raised and resolved.
 * No event carries the password, even when an error message does.
 */
import { describe, expect, it } from 'vitest'
import { recordAlertChanges } from '../../../src/main/engine/events/profile-event-recorder'
import type { SessionAlert } from '../../../src/shared/sessions'
import {
  PASSWORD,
  sessionHarness,
  type RecordedEvent,
} from '../pool-control/support/session-harness'

describe('status changes as engine events', () => {
  it('records connecting -> connected with the first attempt', async () => {
    const h = sessionHarness()
    await h.connect()
    const state = h.events.filter((e) => e.kind === 'connection-state-changed')
    expect(state.map((e) => e.data['to'])).toEqual(['connecting', 'connected'])
    expect(state[1]!.message).toBe('connection connecting -> connected (PostgreSQL 18.1)')
    expect(h.events.find((e) => e.kind === 'attempt')).toMatchObject({
      severity: 'info',
      data: { attempt: 1, trigger: 'startup', outcome: 'success' },
    })
    await h.session.disconnect()
    expect(
      h.events.filter((e) => e.kind === 'connection-state-changed').map((e) => e.data['to']),
    ).toEqual(['connecting', 'connected', 'disconnecting', 'disconnected'])
  })

  it('records a lost database: failed probes, attempts, the level, the breaker opening and closing', async () => {
    const h = sessionHarness({ health: { unavailableAfterMs: 5_000 } })
    await h.connect()
    const refused = Object.assign(new Error(`connect ECONNREFUSED (${PASSWORD})`), {
      code: 'ECONNREFUSED',
    })
    h.failAttempts(refused)
    for (const c of h.factory.made) c.failQueries = /^SELECT 1$/
    h.factory.failWith(refused)
    await h.clock.advance(30_000)
    const kinds = new Set(h.kinds())
    for (const kind of ['attempt', 'health-level-changed', 'breaker-changed'] as const)
      expect(kinds.has(kind)).toBe(true)
    const breaker = h.events.filter((e) => e.kind === 'breaker-changed')
    expect(breaker[0]).toMatchObject({ severity: 'critical', data: { from: 'closed', to: 'open' } })
    const failedAttempt = h.events.find(
      (e) => e.kind === 'attempt' && e.data['outcome'] === 'failure' && e.data['attempt'] !== 0,
    )!
    expect(failedAttempt.severity).toBe('warning')
    expect(failedAttempt.message).toMatch(
      /^attempt \d+ \(scheduled\) failed after \d+ ms: connection refused by 127\.0\.0\.1:5432/,
    )
    expect(
      h.events.some((e) => e.kind === 'connection-state-changed' && e.severity === 'critical'),
    ).toBe(true)

    h.failAttempts(undefined)
    h.factory.succeed()
    await h.clock.advance(70_000)
    expect(h.session.state).toBe('connected')
    expect(h.events.filter((e) => e.kind === 'breaker-changed').at(-1)).toMatchObject({
      data: { to: 'closed' },
      severity: 'info',
    })
    expect(JSON.stringify(h.events)).not.toContain(PASSWORD)
    await h.session.disconnect()
  })
})

describe('alert changes as engine events', () => {
  it('raised, escalated and resolved alerts each become one event', () => {
    const events: RecordedEvent[] = []
    const alert = {
      id: 'long-query:7:1:2',
      key: 'long-query:7:1:2',
      kind: 'long-query',
      severity: 'warning',
      message: 'pid 7 has been running one query for 2 min 1 s',
      firstSeen: 1,
      lastSeen: 2,
      resolvedAt: null,
    } as unknown as SessionAlert
    const record = (
      kind: RecordedEvent['kind'],
      severity: RecordedEvent['severity'],
      message: string,
      data = {},
    ) => events.push({ kind, severity, message, data })
    recordAlertChanges(record, { raised: [alert], severityChanged: [], resolved: [] })
    recordAlertChanges(record, {
      raised: [],
      severityChanged: [{ ...alert, severity: 'critical' }],
      resolved: [],
    })
    recordAlertChanges(record, {
      raised: [],
      severityChanged: [],
      resolved: [{ ...alert, resolvedAt: 3 }],
    })
    expect(events.map((e) => [e.kind, e.severity])).toEqual([
      ['alert-raised', 'warning'],
      ['alert-raised', 'critical'],
      ['alert-resolved', 'info'],
    ])
    expect(events[0]!.message).toBe(
      'long-query alert: pid 7 has been running one query for 2 min 1 s',
    )
    expect(events[1]!.message).toMatch(/now critical/)
    expect(events[2]!.data).toEqual({
      alertId: 'long-query:7:1:2',
      alertKind: 'long-query',
      alertSeverity: 'warning',
    })
  })
})
