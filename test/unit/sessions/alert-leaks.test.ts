import { describe, expect, it } from 'vitest'
import { alertsHarness } from './support/alerts-harness'
import { idleInTransaction, sampler, SERVER_NOW, session, snapshotOf } from './support/canned-rows'

const report = {
  connectionId: 4,
  backendPid: 301,
  holder: 'report export',
  site: 'at exportReport (report.ts:12:3)',
  heldMs: 30_000,
}

describe('pool leaks matched to their server session (session-alerts.ts)', () => {
  it("show the holder and the server's view of the same backend in one alert", async () => {
    const { clock, alerts } = alertsHarness()
    alerts.observe(
      snapshotOf([sampler(), idleInTransaction(301, 30_000, { application_name: 'lifeguard' })]),
    )
    const changes = alerts.leakDetected(report)
    expect(changes.raised).toEqual([
      expect.objectContaining({
        id: 'leak:4',
        kind: 'leak',
        severity: 'critical',
        message: '"report export" has held pool connection 4 (backend pid 301) for 30 s',
        serverMatch: 'matched',
        leak: {
          connectionId: 4,
          backendPid: 301,
          holder: 'report export',
          site: 'at exportReport (report.ts:12:3)',
          heldMs: 30_000,
        },
        session: expect.objectContaining({
          pid: 301,
          state: 'idle in transaction',
          query: 'UPDATE t SET x = 1',
          xactStart: SERVER_NOW - 31_000,
          own: true,
        }),
      }),
    ])
    await clock.advance(2_000)
    alerts.observe(
      snapshotOf([sampler(), session(301, { state: 'idle', application_name: 'lifeguard' })]),
    )
    expect(alerts.get('leak:4')).toMatchObject({
      leak: { heldMs: 32_000 },
      message: '"report export" has held pool connection 4 (backend pid 301) for 32 s',
      session: { state: 'idle' },
      lastSeen: clock.wallNow(),
      resolvedAt: null,
    })
  })

  it('say when the server has no such session, or has not been sampled yet', () => {
    const { alerts } = alertsHarness()
    expect(alerts.leakDetected(report).raised[0]).toMatchObject({
      serverMatch: 'not-sampled',
      session: null,
    })
    alerts.observe(snapshotOf([sampler()]))
    expect(alerts.get('leak:4')).toMatchObject({ serverMatch: 'gone', session: null })
    const noPid = alerts.leakDetected({
      ...report,
      connectionId: 5,
      backendPid: undefined,
      holder: undefined,
    })
    expect(noPid.raised[0]).toMatchObject({
      serverMatch: 'no-pid',
      message: 'a caller with no label has held pool connection 5 for 30 s',
    })
  })

  it('resolve on leak-resolved with the final hold time, and on removal of the connection', async () => {
    const { clock, alerts } = alertsHarness()
    alerts.leakDetected(report)
    alerts.leakDetected({ ...report, connectionId: 6, backendPid: 302 })
    await clock.advance(5_000)
    const returned = alerts.leakResolved({ connectionId: 4, heldMs: 35_123 })
    expect(returned.resolved).toEqual([
      expect.objectContaining({ id: 'leak:4', leak: expect.objectContaining({ heldMs: 35_123 }) }),
    ])
    const removed = alerts.connectionRemoved(6)
    expect(removed.resolved.map((a) => a.id)).toEqual(['leak:6'])
    expect(alerts.connectionRemoved(7).resolved).toEqual([])
  })

  it('are not resolved by samples: only the pool knows when the holder gives it back', () => {
    const { alerts } = alertsHarness()
    alerts.leakDetected(report)
    alerts.observe(snapshotOf([sampler()]))
    alerts.observe(snapshotOf([sampler()]))
    expect(alerts.get('leak:4')?.resolvedAt).toBeNull()
  })
})
