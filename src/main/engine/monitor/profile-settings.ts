/**
 * What a stored profile means for the engine when it connects: its pool sizing, health settings,
 * alert thresholds and connection parameters, each its own override on top of the defaults.
 */
import { defaults, type EngineSettings } from '../defaults'
import { resolveHealthSettings, type HealthSettings } from '../health/health-settings'
import type { ConnectionParams } from '../pool/pg-connection'
import type { StoredProfile } from '../profiles/profile-file'
import { sessionDefaults, type SessionSettings } from '../sessions'
import type { PoolSizing } from './profile-session'
import type { EffectiveSettings } from '../../../shared/domain'

export function sizingOf(profile: StoredProfile, engine?: EngineSettings): PoolSizing {
  const leak = engine?.pool?.leakDetectionMs
  const overrides = leak === undefined ? {} : { leakDetectionMs: leak }
  if (profile.kind === 'demo')
    return {
      ...defaults.pool,
      max: defaults.demo.poolMax,
      min: defaults.demo.poolMin,
      ...overrides,
    }
  const own = profile.settings
  const max = own.poolMax ?? defaults.pool.max
  return {
    ...defaults.pool,
    ...overrides,
    max,
    min: Math.min(own.poolMin ?? defaults.pool.min, max),
    acquireTimeoutMs: own.acquireTimeoutMs ?? defaults.pool.acquireTimeoutMs,
    // Two reserved connections leave a very small pool almost nothing: probe via 'monitor' then.
    partitions: max >= 4 ? defaults.pool.partitions : { [defaults.monitorPartition]: 1 },
  }
}

/** The engine's health settings with the profile's own overrides (validated together). */
export function healthOf(profile: StoredProfile, engine: HealthSettings): HealthSettings {
  const own = profile.settings
  const overrides: Partial<HealthSettings> = {}
  if (own.probeIntervalMs !== undefined) overrides.probeIntervalMs = own.probeIntervalMs
  if (own.probeTimeoutMs !== undefined) overrides.probeTimeoutMs = own.probeTimeoutMs
  if (own.unavailableAfterMs !== undefined) overrides.unavailableAfterMs = own.unavailableAfterMs
  return resolveHealthSettings({ ...engine, ...overrides })
}

/** The profile's alert thresholds; a warning line moved past its critical line moves that too. */
export function sessionSettingsOf(profile: StoredProfile): Partial<SessionSettings> {
  const own = profile.settings
  const out: Partial<SessionSettings> = {}
  if (own.idleInTransactionAlertMs !== undefined) {
    out.idleInTransactionMs = own.idleInTransactionAlertMs
    out.idleInTransactionCriticalMs = Math.max(
      own.idleInTransactionAlertMs,
      sessionDefaults.idleInTransactionCriticalMs,
    )
  }
  if (own.longQueryWarningMs !== undefined) out.longQueryWarningMs = own.longQueryWarningMs
  if (own.longQueryCriticalMs !== undefined) out.longQueryCriticalMs = own.longQueryCriticalMs
  if (out.longQueryCriticalMs !== undefined && out.longQueryWarningMs === undefined)
    out.longQueryWarningMs = Math.min(out.longQueryCriticalMs, sessionDefaults.longQueryWarningMs)
  if (out.longQueryWarningMs !== undefined && out.longQueryCriticalMs === undefined)
    out.longQueryCriticalMs = Math.max(out.longQueryWarningMs, sessionDefaults.longQueryCriticalMs)
  return out
}

/**
 * Every per-profile setting as the engine applies it on the next connect: the profile's own value,
 * or the default (the demo's own pool size for the local demo), after the same couplings (min not
 * above max, a warning line not past its critical line). The Settings tab shows these.
 */
export function effectiveSettingsOf(
  profile: StoredProfile,
  engine: EngineSettings,
): EffectiveSettings {
  const sizing = sizingOf(profile, engine)
  const health = healthOf(profile, engine.health)
  const alerts = { ...sessionDefaults, ...sessionSettingsOf(profile) }
  return {
    poolMax: sizing.max,
    poolMin: sizing.min,
    acquireTimeoutMs: sizing.acquireTimeoutMs,
    probeIntervalMs: health.probeIntervalMs,
    probeTimeoutMs: health.probeTimeoutMs,
    unavailableAfterMs: health.unavailableAfterMs,
    idleInTransactionAlertMs: alerts.idleInTransactionMs,
    longQueryWarningMs: alerts.longQueryWarningMs,
    longQueryCriticalMs: alerts.longQueryCriticalMs,
  }
}

export type ConnectionTarget = Pick<
  StoredProfile,
  'host' | 'port' | 'database' | 'user' | 'sslmode'
> &
  Partial<StoredProfile>

export function connectionParams(
  where: ConnectionTarget,
  password: string | undefined,
  engine: EngineSettings,
): ConnectionParams {
  return {
    host: where.host,
    port: where.port,
    database: where.database,
    user: where.user,
    sslmode: where.sslmode,
    password,
    applicationName: where.applicationName ?? 'lifeguard',
    connectTimeoutMs:
      where.connectTimeoutS != null ? where.connectTimeoutS * 1000 : engine.connectTimeoutMs,
    queryTimeoutMs: engine.operationTimeoutMs,
    fallbackHosts: where.fallbackHosts ?? [],
    sslFiles: { rootcert: where.sslrootcert, cert: where.sslcert, key: where.sslkey },
  }
}
