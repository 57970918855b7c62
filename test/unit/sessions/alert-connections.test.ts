import { describe, expect, it } from 'vitest'
import type { SessionAlert } from '../../../src/main/engine/sessions/alert-types'
import { alertsHarness } from './support/alerts-harness'
import { sampler, session, snapshotOf } from './support/canned-rows'

/** `used` client sessions out of 100 available (max 103, 3 reserved). */
function usage(used: number) {
  const rows = [sampler(), ...Array.from({ length: used - 1 }, (_, i) => session(1_000 + i))]
  return snapshotOf(rows, { frame: { max_connections: 103 } })
}

function connectionsAlert(list: SessionAlert[]) {
  return list.find((a) => a.kind === 'connections')
}

describe('server connection alerts (alert-conditions.ts connectionsLevel)', () => {
  it('warn above 80 % and turn critical above 95 % of what is available', () => {
    const { alerts } = alertsHarness()
    expect(alerts.observe(usage(80)).raised).toEqual([])
    const warn = alerts.observe(usage(81))
    expect(warn.raised).toEqual([
      expect.objectContaining({
        id: 'connections',
        severity: 'warning',
        used: 81,
        available: 100,
        message: '81 of 100 server connections in use (81 %)',
      }),
    ])
    expect(alerts.observe(usage(95)).severityChanged).toEqual([])
    expect(alerts.observe(usage(96)).severityChanged).toEqual([
      expect.objectContaining({ id: 'connections', severity: 'critical' }),
    ])
  })

  it('ease only below the line minus the hysteresis (5 points), so they do not flap', () => {
    const { alerts } = alertsHarness()
    alerts.observe(usage(96))
    expect(alerts.observe(usage(91)).severityChanged).toEqual([])
    expect(connectionsAlert(alerts.list())?.severity).toBe('critical')
    expect(alerts.observe(usage(90)).severityChanged).toEqual([
      expect.objectContaining({ severity: 'warning' }),
    ])
    expect(alerts.observe(usage(76)).resolved).toEqual([])
    expect(alerts.observe(usage(75)).resolved.map((a) => a.id)).toEqual(['connections'])
  })

  it('follow configured lines', () => {
    const { alerts } = alertsHarness({ connectionsWarning: 0.5, connectionsCritical: 0.6 })
    expect(alerts.observe(usage(51)).raised[0]?.severity).toBe('warning')
    expect(alerts.observe(usage(61)).severityChanged[0]?.severity).toBe('critical')
  })
})
