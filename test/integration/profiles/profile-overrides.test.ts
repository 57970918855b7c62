/** Issue 7 item 1: a profile's own pool and health settings override the defaults. */
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { eventually, openMonitor } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { monitorPerTest } from '../../helpers/monitor-per-test'

const target = pgTarget()
const monitor = monitorPerTest(openMonitor)

describe('per-profile settings', () => {
  it('size the pool and pace the probes of that profile only', async () => {
    const profile = monitor.saveProfile(undefined, {
      name: 'tuned',
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      sslmode: 'disable',
      password: target.password,
      settings: { poolMax: 3, poolMin: 1, probeIntervalMs: 200 },
    })
    const status = await monitor.connect(profile.id)
    expect(status.pool).toMatchObject({ max: 3, min: 1 })
    // Probes every 200 ms (the default is 2 s): each pushes the status with a fresh latency.
    let probes = 0
    const off = monitor.events.on('connection:state-changed', (s) => {
      if (s.profileId === profile.id && s.health?.latencyMs != null) probes++
    })
    // Four probes at the default 2 s interval take at least 6 s; here they come within 3 s.
    await eventually(async () => probes >= 4, 3_000)
    off()
  })
})

describe('per-profile alert thresholds', () => {
  it('raise an idle-in-transaction alert after the profile own threshold', async () => {
    const profile = monitor.saveProfile(undefined, {
      name: 'alerting',
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      sslmode: 'disable',
      password: target.password,
      settings: { idleInTransactionAlertMs: 1000, longQueryCriticalMs: 60_000 },
    })
    await monitor.connect(profile.id)
    const client = new pg.Client({ ...target, application_name: 'idle-in-tx-test' })
    client.on('error', () => undefined)
    await client.connect()
    try {
      await client.query('BEGIN')
      await client.query('SELECT 1')
      // The default threshold is 60 s; this profile's is 1 s.
      await eventually(
        async () =>
          monitor
            .sessionsView(profile.id)
            .alerts.some((a) => a.kind === 'idle-in-transaction' && a.resolvedAt === null),
        8_000,
      )
    } finally {
      await client.end().catch(() => undefined)
    }
  })
})
