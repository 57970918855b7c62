/** A real Monitor (conf store in a temp dir, system clock) for integration tests. */
import pg from 'pg'
import { systemClock } from '../../src/main/engine/core/clock'
import { createMonitor } from '../../src/main/engine/create-monitor'
import {
  resolveHealthSettings,
  type HealthSettings,
} from '../../src/main/engine/health/health-settings'
import type { Monitor } from '../../src/main/engine/monitor/monitor'
import { openConf } from './conf-store'
import type { PgTarget } from './pg-target'

export function openMonitor(
  dataDir: string,
  connectTimeoutMs = 5000,
  health: Partial<HealthSettings> = {},
  environment: Record<string, string | undefined> = {},
): Monitor {
  return createMonitor({
    dataDir,
    openStore: () => openConf(dataDir),
    clock: systemClock,
    shell: 'web',
    version: '0.0.0-test',
    settings: {
      connectTimeoutMs,
      operationTimeoutMs: 10_000,
      health: resolveHealthSettings(health),
    },
    environment,
  })
}

/** Runs one query on a separate admin connection (the server's own view). */
export async function adminQuery<T extends object>(
  target: PgTarget,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ ...target, application_name: 'lifeguard-test-admin' })
  await client.connect()
  try {
    return (await client.query<T>(sql, values)).rows
  } finally {
    await client.end()
  }
}

/** How many server sessions carry the given application_name. */
export async function sessionsNamed(target: PgTarget, applicationName: string): Promise<number> {
  const rows = await adminQuery<{ n: number }>(
    target,
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
    [applicationName],
  )
  return rows[0]?.n ?? 0
}

/** Waits for a condition to hold (polls the real system: for server-side effects only). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}
