import { describe, expect, it } from 'vitest'
import { alertsHarness } from './support/alerts-harness'
import { active, idleInTransaction, sampler, snapshotOf } from './support/canned-rows'

const blocked = snapshotOf([
  sampler(),
  idleInTransaction(20, 1_000),
  active(21, 1_000, { wait_event_type: 'Lock', wait_event: 'transactionid', blocked_by: [20] }),
])
const free = snapshotOf([sampler(), idleInTransaction(20, 1_000)])

describe('blocked-session alerts (session-alerts.ts)', () => {
  it('are raised once the session has been seen waiting for blockedAfterMs, dated from first sight', async () => {
    const { clock, alerts } = alertsHarness({ blockedAfterMs: 5_000 })
    const t0 = clock.wallNow()
    expect(alerts.observe(blocked).raised).toEqual([])
    await clock.advance(4_999)
    expect(alerts.observe(blocked).raised).toEqual([])
    await clock.advance(1)
    const changes = alerts.observe(blocked)
    expect(changes.raised).toEqual([
      expect.objectContaining({
        kind: 'blocked',
        severity: 'warning',
        blockedBy: [20],
        firstSeen: t0,
        lastSeen: t0 + 5_000,
        message: 'pid 21 waits for a lock held by pid 20',
      }),
    ])
  })

  it('start counting again when the wait ends before the threshold', async () => {
    const { clock, alerts } = alertsHarness({ blockedAfterMs: 5_000 })
    alerts.observe(blocked)
    await clock.advance(4_000)
    alerts.observe(free)
    await clock.advance(2_000)
    expect(alerts.observe(blocked).raised).toEqual([])
  })

  it('resolve when the lock is granted', async () => {
    const { clock, alerts } = alertsHarness({ blockedAfterMs: 0 })
    expect(alerts.observe(blocked).raised).toHaveLength(1)
    await clock.advance(2_000)
    expect(alerts.observe(free).resolved.map((a) => a.kind)).toEqual(['blocked'])
  })
})
