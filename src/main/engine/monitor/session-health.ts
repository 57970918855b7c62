/**
 * The health checker of a profile session, wired to its pool: attempts on a fresh connection of
 * their own, probes through the pool's reserved 'health' partition (or 'monitor' for pools too
 * small for two) and, while the pool is draining or drained, on a connection of their own opened
 * through the pool's driver; creations held while the database is down, waiters failed when the
 * breaker opens. Every error is classified and masked, so no message carries the password.
 */
import type { AttemptRecord } from '../../../shared/domain'
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import { classifyConnectionError } from '../core/pg-errors'
import { HealthChecker, type AttemptResult } from '../health/health-checker'
import type { HealthSettings } from '../health/health-settings'
import { probeOnOwnConnection, probeThroughPool } from '../health/pg-checks'
import type { ConnectionPool } from '../pool/engine'
import type { ConnectionParams } from '../pool/pg-connection'
import { defaults } from '../defaults'
import type { ProfileDrivers } from './profile-drivers'

export interface SessionHealthDeps {
  profileId: string
  clock: Clock
  random: () => number
  drivers: ProfileDrivers
  onChange(): void
  onAttempt(record: AttemptRecord): void
  onUp(result: AttemptResult): void
  /** A probe ran on the pool connection with this backend pid (the Sessions tab marks it). */
  onProbeConnection?(backendPid: number): void
}

/**
 * Messages are built from the classification and the target, never from a connection string; this
 * is the second line: if the password ever shows up in one anyway, it is replaced.
 */
export function maskSecret(error: LifeguardError, secret: string | undefined): LifeguardError {
  if (!secret || secret.length < 2 || !error.message.includes(secret)) return error
  return new LifeguardError(error.code, error.message.split(secret).join('********'))
}

export function maskText(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 2 || !text.includes(secret)) return text
  return text.split(secret).join('********')
}

export function classifierFor(params: ConnectionParams): (error: unknown) => LifeguardError {
  return (error) => maskSecret(classifyConnectionError(error, params), params.password)
}

export function createHealthChecker(
  deps: SessionHealthDeps,
  params: ConnectionParams,
  pool: ConnectionPool,
  health: HealthSettings,
): HealthChecker {
  const { clock } = deps
  const probePartition = pool.hasPartition(defaults.healthPartition)
    ? defaults.healthPartition
    : defaults.monitorPartition
  return new HealthChecker({
    profileId: deps.profileId,
    clock,
    random: deps.random,
    settings: health,
    attempt: () => deps.drivers.attempt(params, clock, params.connectTimeoutMs),
    probe: async (timeoutMs, withCounts) => {
      const result = await probeThroughPool(pool, probePartition, clock, timeoutMs, withCounts)
      if (result.backendPid !== undefined) deps.onProbeConnection?.(result.backendPid)
      return result
    },
    probeAside: (timeoutMs, withCounts) =>
      probeOnOwnConnection(
        (connectTimeoutMs) => deps.drivers.connect({ ...params, connectTimeoutMs }),
        clock,
        timeoutMs,
        withCounts,
      ),
    poolLoad: () => {
      const g = pool.metrics().gauges
      return { waiting: g.waiting, max: g.max }
    },
    classify: classifierFor(params),
    onChange: deps.onChange,
    onAttempt: deps.onAttempt,
    onUp: (result) => {
      deps.onUp(result)
      pool.holdCreates(false)
    },
    onDown: () => pool.holdCreates(true),
    onBreakerOpen: (error) => pool.rejectWaiters(error),
  })
}
