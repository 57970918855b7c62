/**
 * A real Monitor on the test PostgreSQL for the cockpit's integration tests: system clock, a
 * short pool leak threshold (so a planted leak is reported within a second or two), and a profile
 * with its own application_name, so the server's view of its connections can be checked.
 */
import { systemClock } from '../../../../src/main/engine/core/clock'
import { createMonitor } from '../../../../src/main/engine/create-monitor'
import { resolveHealthSettings } from '../../../../src/main/engine/health/health-settings'
import type { Monitor } from '../../../../src/main/engine/monitor/monitor'
import type { ProfileStatus } from '../../../../src/shared/domain'
import type { WorkloadSettings } from '../../../../src/shared/cockpit'
import { adminQuery } from '../../../helpers/monitor-harness'
import { openConf } from '../../../helpers/conf-store'
import type { PgTarget } from '../../../helpers/pg-target'

export const LEAK_THRESHOLD_MS = 1_000

export function openCockpitMonitor(dataDir: string): Monitor {
  return createMonitor({
    dataDir,
    openStore: () => openConf(dataDir),
    clock: systemClock,
    shell: 'web',
    version: '0.0.0-test',
    settings: {
      connectTimeoutMs: 5_000,
      operationTimeoutMs: 60_000,
      health: resolveHealthSettings({ probeIntervalMs: 500 }),
      pool: { leakDetectionMs: LEAK_THRESHOLD_MS },
    },
  })
}

export function profileDraft(target: PgTarget, applicationName: string, poolMax?: number) {
  return {
    name: applicationName,
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    sslmode: 'disable' as const,
    password: target.password,
    applicationName,
    ...(poolMax === undefined ? {} : { settings: { poolMax } }),
  }
}

export const workload = (over: Partial<WorkloadSettings>): WorkloadSettings => ({
  enabled: true,
  clients: 2,
  ratePerSecond: 4,
  query: 'select-1',
  sleepMs: 100,
  leakEverySeconds: null,
  leakHoldMs: 45_000,
  ...over,
})

export function statusOf(monitor: Monitor, id: string): ProfileStatus {
  const status = monitor.snapshot().statuses.find((s) => s.profileId === id)
  if (!status) throw new Error(`no status for ${id}`)
  return status
}

/** The server's sessions of one application_name running pg_sleep right now. */
export async function sleepingBackends(
  target: PgTarget,
  applicationName: string,
): Promise<number[]> {
  const rows = await adminQuery<{ pid: number }>(
    target,
    `SELECT pid FROM pg_stat_activity
      WHERE application_name = $1 AND state = 'active' AND query LIKE 'SELECT pg_sleep%'`,
    [applicationName],
  )
  return rows.map((r) => r.pid)
}
