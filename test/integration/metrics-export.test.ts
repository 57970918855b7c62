/**
 * Issue 8 item 5 (engine): a connected profile's metrics export as Prometheus text (parsed by an
 * independent parser), CSV (one row per recorded second) and JSON (no password anywhere).
 */
import { describe, expect, it } from 'vitest'
import { eventually, openMonitor } from '../helpers/monitor-harness'
import { pgTarget } from '../helpers/pg-target'
import { monitorPerTest } from '../helpers/monitor-per-test'
import { parseExposition } from '../unit/metrics/support/prom-parse'

const target = pgTarget()
const monitor = monitorPerTest(openMonitor)

describe('metrics export of a connected profile', () => {
  it('gives Prometheus text, CSV rows and JSON without the password', async () => {
    const profile = monitor.saveProfile(undefined, {
      name: 'metrics "prod"',
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      sslmode: 'disable',
      password: target.password,
    })
    await monitor.connect(profile.id)
    let samples = 0
    monitor.events.on('pool:stats-changed', () => samples++)
    // The stats push comes every second: wait for a few recorded seconds.
    await eventually(async () => samples >= 3, 8_000)

    const prom = monitor.exportMetrics([profile.id], 'prometheus', '1h')
    expect(prom.contentType).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(prom.fileName).toMatch(/\.prom$/)
    const families = parseExposition(prom.content)
    const total = families.get('lifeguard_pool_total_connections')
    expect(total?.type).toBe('GAUGE')
    const sample = total?.samples.find((s) => s.labels['profile_id'] === profile.id)
    expect(sample?.labels['profile']).toBe('metrics "prod"')
    expect(sample?.value).toBe(
      monitor.snapshot().statuses.find((s) => s.profileId === profile.id)?.pool?.total,
    )
    expect(families.get('lifeguard_health_up')?.samples[0]?.value).toBe(1)
    expect(families.get('lifeguard_pool_acquire_wait_seconds')?.type).toBe('HISTOGRAM')

    const csv = monitor.exportMetrics([profile.id], 'csv', '5m')
    const rows = csv.content.trim().split('\r\n')
    expect(rows[0]).toMatch(/^timestamp,profile_id,profile,/)
    expect(rows.length - 1).toBeGreaterThanOrEqual(2)

    const json = monitor.exportMetrics(undefined, 'json', '1h')
    expect(JSON.parse(json.content)).toMatchObject({ formatVersion: 1 })
    for (const file of [prom, csv, json]) expect(file.content).not.toContain(target.password)
  })
})
