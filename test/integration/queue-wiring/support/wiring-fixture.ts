/**
 * Real Monitors on the real PostgreSQL for the write-queue wiring tests: a database of the test's
 * own (dropped afterwards), a fault proxy in front of the shared server when the test needs an
 * outage (refuse new connections and reset the open ones; no server is stopped), and fast health
 * settings so a profile notices the outage and the recovery within a second or so.
 */
import type { HealthSettings } from '../../../../src/main/engine/health/health-settings'
import type { Monitor } from '../../../../src/main/engine/monitor/monitor'
import { startFaultProxy, type FaultProxy } from '../../../helpers/fault-proxy'
import { eventually, openMonitor } from '../../../helpers/monitor-harness'
import { pgTarget } from '../../../helpers/pg-target'

export { admin, ownDatabase, uniqueName } from '../../queue/replay/support/replay-fixture'

/** Probes every 300 ms; reconnects after 100, 200, 400, 400 ... ms. */
export const fastHealth: Partial<HealthSettings> = {
  probeIntervalMs: 300,
  probeTimeoutMs: 1_000,
  backoffBaseMs: 100,
  backoffCapMs: 400,
}

export function openFastMonitor(dataDir: string): Monitor {
  return openMonitor(dataDir, 1_000, fastHealth)
}

/** Saves a profile for `database` on the shared server, reached through `via` (default directly). */
export function saveProfile(
  monitor: Monitor,
  name: string,
  database: string,
  via?: { host: string; port: number },
  login?: { user: string; password: string },
): string {
  const t = pgTarget()
  return monitor.saveProfile(undefined, {
    name,
    host: via?.host ?? t.host,
    port: via?.port ?? t.port,
    database,
    user: login?.user ?? t.user,
    sslmode: 'disable',
    password: login?.password ?? t.password,
  }).id
}

export function outageProxy(): Promise<FaultProxy> {
  return startFaultProxy({ target: pgTarget() })
}

/** Refuses new connections and resets the open ones: the database is gone for the profile. */
export async function cutOff(proxy: FaultProxy): Promise<void> {
  await proxy.refuseNew(true)
  proxy.resetAll()
}

export async function stateOf(monitor: Monitor, id: string): Promise<string> {
  return monitor.healthTimeline(id).status.state
}

/** Waits until the profile is (or is no longer) connected. */
export async function untilConnected(
  monitor: Monitor,
  id: string,
  connected: boolean,
  timeoutMs = 10_000,
): Promise<void> {
  await eventually(
    async () => (monitor.healthTimeline(id).status.state === 'connected') === connected,
    timeoutMs,
  )
}
