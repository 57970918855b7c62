/** Domain values for the store and event-bridge tests. */
import {
  emptyPoolStats,
  type AppInfo,
  type AppWarning,
  type PoolStats,
  type PoolStatsSample,
  type ProfileStatus,
  type ProfileSummary,
} from '../../../src/shared/domain'

export function profile(id: string, overrides: Partial<ProfileSummary> = {}): ProfileSummary {
  return {
    id,
    kind: 'user',
    name: `Profile ${id}`,
    host: 'db.example.com',
    port: 5432,
    database: 'app',
    user: 'alice',
    sslmode: 'prefer',
    group: '',
    color: null,
    fallbackHosts: [],
    sslrootcert: null,
    sslcert: null,
    sslkey: null,
    applicationName: 'lifeguard',
    connectTimeoutS: null,
    settings: {},
    passwordCommand: '',
    hasSessionPassword: false,
    passwordStored: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  }
}

export function stats(active: number, overrides: Partial<PoolStats> = {}): PoolStats {
  return {
    ...{ total: active + 1, active, idle: 1, waiting: 0, max: 10, min: 2, pendingCreates: 0 },
    ...{ acquires: 0, timeouts: 0, leaks: 0, waitP50Ms: 0, waitP95Ms: 0, waitP99Ms: 0 },
    ...overrides,
  }
}

export function status(
  profileId: string,
  state: ProfileStatus['state'],
  since: number,
  overrides: Partial<ProfileStatus> = {},
): ProfileStatus {
  return {
    profileId,
    state,
    pool: state === 'connected' ? stats(0) : null,
    serverVersion: state === 'connected' ? '17.2' : null,
    error: null,
    since,
    health: null,
    poolState: state === 'connected' ? 'running' : null,
    drain: null,
    ...overrides,
  }
}

export function sample(profileId: string, at: number, active = 0): PoolStatsSample {
  return { profileId, at, stats: stats(active) }
}

export function warning(id: string, message = `warning ${id}`): AppWarning {
  return { id, message }
}

export function appInfo(warnings: AppWarning[] = [], overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.1.0',
    shell: 'web',
    dataDir: '/tmp/lifeguard',
    nodeVersion: '24.0.0',
    warnings,
    secretStorage: { available: false, backend: null, reason: 'browser mode' },
    ...overrides,
  }
}

/** The pool figures of a profile that has no pool: every number zero. */
export const zeroPool = emptyPoolStats
