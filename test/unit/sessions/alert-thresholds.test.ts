import { describe, expect, it } from 'vitest'
import { alertsHarness } from './support/alerts-harness'
import {
  active,
  hidden,
  idleInTransaction,
  sampler,
  SAMPLER_PID,
  SERVER_NOW,
  session,
  snapshotOf,
} from './support/canned-rows'

describe('alert thresholds (alert-conditions.ts)', () => {
  it('idle in transaction: strictly longer than the threshold (default 60 s)', () => {
    const { alerts } = alertsHarness()
    expect(alerts.observe(snapshotOf([sampler(), idleInTransaction(1, 60_000)])).raised).toEqual([])
    expect(
      alerts.observe(snapshotOf([sampler(), idleInTransaction(1, 60_001)])).raised,
    ).toHaveLength(1)
  })

  it('idle in transaction threshold is configurable, and aborted transactions count', () => {
    const { alerts } = alertsHarness({ idleInTransactionMs: 5_000 })
    const changes = alerts.observe(
      snapshotOf([
        sampler(),
        idleInTransaction(1, 6_000, { state: 'idle in transaction (aborted)' }),
      ]),
    )
    expect(changes.raised[0]!.message).toBe(
      'pid 1 has been idle in transaction (aborted) for 6.0 s',
    )
  })

  it('long query: warning past 2 min, critical past 5 min, one alert escalating', () => {
    const { alerts } = alertsHarness()
    expect(alerts.observe(snapshotOf([sampler(), active(7, 120_000)])).raised).toEqual([])
    const warn = alerts.observe(snapshotOf([sampler(), active(7, 120_001)]))
    expect(warn.raised).toEqual([
      expect.objectContaining({ kind: 'long-query', severity: 'warning', runningMs: 120_001 }),
    ])
    // the same query (same query_start), three minutes later on the server
    const later = snapshotOf([sampler(), active(7, 120_001)], {
      frame: { server_time: SERVER_NOW + 180_000 },
    })
    const crit = alerts.observe(later)
    expect(crit.raised).toEqual([])
    expect(crit.severityChanged).toEqual([
      expect.objectContaining({ id: warn.raised[0]!.id, severity: 'critical', runningMs: 300_001 }),
    ])
  })

  it('ignores the sampler, hidden sessions and sessions that are not running a query', () => {
    const { alerts } = alertsHarness({ longQueryWarningMs: 0, longQueryCriticalMs: 0 })
    const snap = snapshotOf(
      [
        active(SAMPLER_PID, 500_000, { application_name: 'lifeguard' }),
        hidden(5),
        session(6, { query_start: SERVER_NOW - 500_000 }),
      ],
      { frame: { sees_all: false } },
    )
    expect(alerts.observe(snap).raised).toEqual([])
    // the same rows with a session that is running one: that one alerts
    const withActive = snapshotOf([active(SAMPLER_PID, 500_000), active(7, 1)])
    expect(alerts.observe(withActive).raised.map((a) => a.message)).toEqual([
      'pid 7 has been running one query for 1 ms',
    ])
  })

  it('idle in transaction turns critical past idleInTransactionCriticalMs', () => {
    const { alerts } = alertsHarness({
      idleInTransactionMs: 1_000,
      idleInTransactionCriticalMs: 10_000,
    })
    const changes = alerts.observe(snapshotOf([sampler(), idleInTransaction(1, 10_001)]))
    expect(changes.raised[0]!.severity).toBe('critical')
  })
})
