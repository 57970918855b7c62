/**
 * The profile's alert list carries a critical 'breaker-open' alert while the circuit breaker is
 * open (with since when the database is unreachable and the retry hint), resolved when it closes;
 * a disconnect takes it away. Session alerts and profile alerts travel in one merged list.
 */
import { describe, expect, it } from 'vitest'
import type { SessionAlert } from '../../../src/shared/sessions'
import { sessionHarness } from '../pool-control/support/session-harness'

const breakerAlerts = (list: SessionAlert[] | undefined) =>
  (list ?? []).filter((a) => a.kind === 'breaker-open')

describe('breaker-open alert', () => {
  it('is raised when the breaker opens and resolved when it closes', async () => {
    const h = sessionHarness({ health: { unavailableAfterMs: 10_000 } })
    await h.connect()
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    h.failAttempts(refused)
    h.factory.failWith(refused)
    for (const c of h.factory.made) c.failQueries = /^SELECT 1$/
    const lostAt = h.clock.wallNow()
    await h.clock.advance(9_000)
    expect(breakerAlerts(h.session.alerts())).toEqual([])

    await h.clock.advance(3_000)
    expect(h.session.status().health?.breaker).not.toBe('closed')
    const raised = breakerAlerts(h.alertLists.at(-1))
    expect(raised).toHaveLength(1)
    const alert = raised[0]!
    expect(alert).toMatchObject({ id: 'breaker-open', severity: 'critical', resolvedAt: null })
    if (alert.kind !== 'breaker-open') throw new Error('not a breaker alert')
    // Unreachable since the failing probe began (about 2 s after the loss: the next probe).
    expect(alert.unreachableSince).toBeGreaterThanOrEqual(lostAt)
    expect(alert.unreachableSince).toBeLessThanOrEqual(lostAt + 2_100)
    expect(alert.retryAfterMs === null || alert.retryAfterMs >= 0).toBe(true)
    expect(alert.message).toMatch(/^the circuit breaker is open: operations fail fast/)
    expect(
      h.events.some((e) => e.kind === 'alert-raised' && e.data['alertKind'] === 'breaker-open'),
    ).toBe(true)

    h.failAttempts(undefined)
    h.factory.succeed()
    await h.clock.advance(65_000)
    expect(h.session.state).toBe('connected')
    const after = breakerAlerts(h.session.alerts())
    expect(after).toHaveLength(1)
    expect(after[0]!.resolvedAt).not.toBeNull()
    expect(breakerAlerts(h.alertLists.at(-1))[0]?.resolvedAt).not.toBeNull()
    await h.session.disconnect()
    expect(h.alertLists.at(-1)).toEqual([])
  })

  it('a profile alert set from outside joins the list and survives a disconnect', async () => {
    const h = sessionHarness()
    await h.connect()
    h.session.setProfileAlert('queue-filling', { depth: 850, maxQueueSize: 1000, ratio: 0.85 })
    expect(h.alertLists.at(-1)).toEqual([
      expect.objectContaining({
        id: 'queue-filling',
        kind: 'queue-filling',
        severity: 'critical',
        message: 'the write queue holds 850 of 1000 operations (85 %)',
        depth: 850,
      }),
    ])
    // An update of a lasting condition changes the figures without a new alert or a push.
    const pushes = h.alertLists.length
    h.session.setProfileAlert('queue-filling', { depth: 900, maxQueueSize: 1000, ratio: 0.9 })
    expect(h.alertLists).toHaveLength(pushes)
    expect(h.session.alerts()[0]).toMatchObject({ depth: 900, resolvedAt: null })
    await h.session.disconnect()
    expect(h.alertLists.at(-1)?.map((a) => a.kind)).toEqual(['queue-filling'])
    h.session.setProfileAlert('queue-filling', null)
    expect(h.alertLists.at(-1)?.[0]?.resolvedAt).not.toBeNull()
    // A later occurrence is a new alert.
    h.session.setProfileAlert('queue-filling', { depth: 990, maxQueueSize: 1000, ratio: 0.99 })
    expect(h.session.alerts().map((a) => a.id)).toEqual(['queue-filling~2', 'queue-filling'])
  })
})
