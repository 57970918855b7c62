/**
 * A ProfileSession on a fake clock with stub connections (test/helpers/pool-stubs.ts) in place of
 * node-postgres: every status, stats push, alert list and engine event it reports is collected,
 * and the backends it cancels or terminates are recorded.
 */
import type { EngineEventKind, EngineEventSeverity } from '../../../../src/shared/cockpit'
import type { AttemptRecord, PoolStats, ProfileStatus } from '../../../../src/shared/domain'
import type { SessionAlert } from '../../../../src/shared/sessions'
import { defaults } from '../../../../src/main/engine/defaults'
import {
  resolveHealthSettings,
  type HealthSettings,
} from '../../../../src/main/engine/health/health-settings'
import type { ProfileDrivers } from '../../../../src/main/engine/monitor/profile-drivers'
import {
  ProfileSession,
  type PoolSizing,
} from '../../../../src/main/engine/monitor/profile-session'
import type { ConnectionParams } from '../../../../src/main/engine/pool/pg-connection'
import { FakeClock } from '../../../helpers/fake-clock'
import { stubFactory } from '../../../helpers/pool-stubs'

export const PASSWORD = 'sekret-pw-1234'

export const params: ConnectionParams = {
  host: '127.0.0.1',
  port: 5432,
  database: 'app',
  user: 'dba',
  password: PASSWORD,
  sslmode: 'disable',
  applicationName: 'lifeguard',
  connectTimeoutMs: 5_000,
}

export interface RecordedEvent {
  kind: EngineEventKind
  severity: EngineEventSeverity
  message: string
  data: Record<string, unknown>
}

export function sessionHarness(
  options: {
    sizing?: Partial<PoolSizing>
    health?: Partial<HealthSettings>
    observeSessions?: boolean
  } = {},
) {
  const clock = new FakeClock()
  const factory = stubFactory()
  const admin = { cancelled: [] as number[], terminated: [] as number[] }
  let attemptFails: Error | undefined
  let attempts = 0
  const drivers: ProfileDrivers = {
    connect: () => factory.connect(),
    attempt: async () => {
      attempts++
      if (attemptFails) throw attemptFails
      return { serverVersion: '18.1' }
    },
    admin: () => ({
      cancelBackend: async (pid) => void admin.cancelled.push(pid),
      terminateBackend: async (pid) => {
        admin.terminated.push(pid)
        factory.made.find((c) => c.backendPid === pid)?.emitError('terminated by administrator')
      },
    }),
  }
  const statuses: ProfileStatus[] = []
  const stats: PoolStats[] = []
  const alertLists: SessionAlert[][] = []
  const attemptRecords: AttemptRecord[] = []
  const events: RecordedEvent[] = []
  const health = resolveHealthSettings(options.health ?? {})
  const session = new ProfileSession('p1', {
    clock,
    random: () => 0.5,
    health,
    drivers,
    observeSessions: options.observeSessions ?? false,
    onStatus: (s) => statuses.push(s),
    onStats: (s) => stats.push(s),
    onAttempt: (r) => attemptRecords.push(r),
    onAlerts: (alerts) => alertLists.push(alerts),
    onEvent: (kind, severity, message, data = {}) => events.push({ kind, severity, message, data }),
  })
  const sizing: PoolSizing = { ...defaults.pool, min: 2, ...options.sizing }
  return {
    clock,
    factory,
    admin,
    session,
    statuses,
    stats,
    alertLists,
    attemptRecords,
    events,
    get attempts() {
      return attempts
    },
    failAttempts(error: Error | undefined) {
      attemptFails = error
    },
    connect: () => session.connect(params, sizing, health),
    kinds: () => events.map((e) => e.kind),
    /** Queries every stub connection has run so far. */
    queryCount: () => factory.made.reduce((n, c) => n + c.queries.length, 0),
  }
}
