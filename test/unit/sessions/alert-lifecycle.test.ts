import { describe, expect, it } from 'vitest'
import { alertsHarness } from './support/alerts-harness'
import { idleInTransaction, sampler, SERVER_NOW, session, snapshotOf } from './support/canned-rows'

/** Session 106, idle in the same transaction, sampled when it has been idle for `ms` (>= 70 s). */
const idle = (ms: number) =>
  snapshotOf([sampler(), idleInTransaction(106, 70_000)], {
    frame: { server_time: SERVER_NOW + ms - 70_000 },
  })
const calm = snapshotOf([sampler(), session(106)])
const KEY = `idle-in-transaction:106:${SERVER_NOW - 3_600_000}:${SERVER_NOW - 71_000}`

describe('the life of an alert (session-alerts.ts)', () => {
  it('is raised once, then follows the condition: last seen moves, first seen stays', async () => {
    const { clock, alerts } = alertsHarness()
    const t0 = clock.wallNow()
    const first = alerts.observe(idle(70_000))
    expect(first.raised.map((a) => a.id)).toEqual([KEY])
    expect(first.raised[0]).toMatchObject({
      kind: 'idle-in-transaction',
      severity: 'warning',
      firstSeen: t0,
      lastSeen: t0,
      resolvedAt: null,
      idleMs: 70_000,
      message: 'pid 106 has been idle in transaction for 1 min 10 s',
    })
    await clock.advance(2_000)
    const again = alerts.observe(idle(72_000))
    expect(again).toEqual({ raised: [], severityChanged: [], resolved: [] })
    expect(alerts.list()).toEqual([
      expect.objectContaining({ id: KEY, firstSeen: t0, lastSeen: t0 + 2_000, idleMs: 72_000 }),
    ])
  })

  it('resolves when a sample no longer shows the condition, and stays listed', async () => {
    const { clock, alerts } = alertsHarness()
    alerts.observe(idle(70_000))
    await clock.advance(2_000)
    const changes = alerts.observe(calm)
    expect(changes.resolved.map((a) => a.id)).toEqual([KEY])
    expect(alerts.list()).toEqual([
      expect.objectContaining({ id: KEY, resolvedAt: clock.wallNow() }),
    ])
  })

  it('reopens an alert whose condition comes back quickly, and raises a new one later', async () => {
    const { clock, alerts, settings } = alertsHarness()
    const t0 = clock.wallNow()
    alerts.observe(idle(70_000))
    await clock.advance(2_000)
    alerts.observe(calm)
    await clock.advance(2_000)
    const reopened = alerts.observe(idle(74_000))
    expect(reopened.raised).toEqual([
      expect.objectContaining({ id: KEY, firstSeen: t0, resolvedAt: null }),
    ])
    alerts.observe(calm)
    await clock.advance(settings.reopenWithinMs + 1)
    const later = alerts.observe(idle(90_000))
    expect(later.raised.map((a) => a.id)).toEqual([`${KEY}~2`])
    expect(alerts.list().map((a) => [a.id, a.resolvedAt === null])).toEqual([
      [`${KEY}~2`, true],
      [KEY, false],
    ])
  })

  it('keeps resolved alerts for resolvedRetentionMs and at most maxResolvedAlerts', async () => {
    const { clock, alerts } = alertsHarness({ resolvedRetentionMs: 60_000, maxResolvedAlerts: 2 })
    for (const pid of [201, 202, 203]) {
      alerts.observe(snapshotOf([sampler(), idleInTransaction(pid, 70_000)]))
      await clock.advance(1_000)
      alerts.observe(calm)
    }
    // three resolved, the oldest dropped
    expect(alerts.list().map((a) => a.id.split(':')[1])).toEqual(['203', '202'])
    await clock.advance(59_000) // 202 resolved 60 s ago: kept for exactly that long
    expect(alerts.list().map((a) => a.id.split(':')[1])).toEqual(['203', '202'])
    await clock.advance(1)
    expect(alerts.list().map((a) => a.id.split(':')[1])).toEqual(['203'])
    await clock.advance(1_000)
    expect(alerts.list()).toEqual([])
  })

  it('treats a new transaction of the same session as a new alert', () => {
    const { alerts } = alertsHarness()
    alerts.observe(idle(70_000))
    const next = alerts.observe(
      snapshotOf([sampler(), idleInTransaction(106, 65_000, { xact_start: SERVER_NOW - 66_000 })]),
    )
    expect(next.raised).toHaveLength(1)
    expect(next.resolved.map((a) => a.id)).toEqual([KEY])
    expect(next.raised[0]!.id).not.toBe(KEY)
  })

  it('hands out copies: changing a listed alert changes nothing inside', () => {
    const { alerts } = alertsHarness()
    alerts.observe(idle(70_000))
    const [listed] = alerts.list()
    listed!.message = 'changed'
    expect(alerts.list()[0]!.message).not.toBe('changed')
  })
})
