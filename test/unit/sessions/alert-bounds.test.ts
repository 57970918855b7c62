import { describe, expect, it } from 'vitest'
import { alertsHarness } from './support/alerts-harness'
import { idleInTransaction, sampler, snapshotOf } from './support/canned-rows'

describe('the alert list is bounded (session-alerts.ts)', () => {
  it('lists at most maxActiveAlerts and counts the conditions left out', () => {
    const { alerts } = alertsHarness({ maxActiveAlerts: 3 })
    const rows = [sampler(), ...[1, 2, 3, 4, 5].map((pid) => idleInTransaction(pid, 70_000))]
    const changes = alerts.observe(snapshotOf(rows))
    expect(changes.raised).toHaveLength(3)
    expect(alerts.list()).toHaveLength(3)
    expect(alerts.overflow).toBe(2)
    // when listed ones resolve, room is made for the rest
    const fewer = [sampler(), ...[4, 5].map((pid) => idleInTransaction(pid, 70_000))]
    alerts.observe(snapshotOf(fewer))
    expect(alerts.list().filter((a) => a.resolvedAt === null)).toHaveLength(2)
    expect(alerts.overflow).toBe(0)
  })
})
