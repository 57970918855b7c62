/**
 * Every health, reconnect and breaker setting with its default (../shared/design/reference.md,
 * "Retry and health"), validated in one place. Durations are milliseconds.
 */
import { z } from 'zod'
import { LifeguardError } from '../core/errors'
import { count, ms, share } from '../core/setting-schemas'

export const healthDefaults = {
  /** A probe (`SELECT 1` through the pool's reserved partition) runs this often while connected. */
  probeIntervalMs: 2_000,
  /** A probe that has not answered within this long has failed. */
  probeTimeoutMs: 2_000,
  /** Reconnect backoff: base * factor^(n-1), capped, each delay with +-jitter. */
  backoffBaseMs: 1_000,
  backoffFactor: 2,
  backoffCapMs: 60_000,
  backoffJitter: 0.2,
  /** The backoff starts again from base once the database has been healthy this long. */
  resetAfterHealthyMs: 30_000,
  /** After losing a connected database: failed probes and attempts in a row before `failed`. */
  failuresBeforeFailed: 2,
  /** STARTUP_MAX_WAIT: how long start-up keeps retrying transient errors before `failed`. */
  startupMaxWaitMs: 600_000,
  /** The circuit breaker opens once the database has been unreachable this long. */
  unavailableAfterMs: 30_000,
  /** Longest retry-after hint a ServiceUnavailable error carries. */
  retryAfterMaxMs: 60_000,
  /** Permanent errors (wrong password, no database): retry at the backoff cap, or wait for the user. */
  permanentRetry: 'cap' as 'cap' | 'never',
  /** Level thresholds: probe latency. */
  latencyWarningMs: 250,
  latencyCriticalMs: 1_000,
  /** Level thresholds: callers waiting for a pool connection (critical at the pool's max). */
  waitingWarning: 1,
  /** Level thresholds: server connections used, as a share of what the server allows. */
  saturationWarning: 0.8,
  saturationCritical: 0.95,
  /** Hysteresis: probes in a row needed to move to a worse level, and back to a better one. */
  worseAfterProbes: 2,
  betterAfterProbes: 3,
  /** Server connection counts are read every this many probes. */
  saturationEveryProbes: 5,
  /** Attempts kept per profile for the retry timeline. */
  timelineSize: 200,
}

export type HealthSettings = typeof healthDefaults

const settingsSchema = z
  .strictObject({
    probeIntervalMs: ms('probeIntervalMs', 100),
    probeTimeoutMs: ms('probeTimeoutMs', 50),
    backoffBaseMs: ms('backoffBaseMs', 10),
    backoffFactor: z
      .number({ error: 'backoffFactor must be a number' })
      .min(1, { error: 'backoffFactor must be at least 1' })
      .max(10, { error: 'backoffFactor must be at most 10' }),
    backoffCapMs: ms('backoffCapMs', 10),
    backoffJitter: z
      .number({ error: 'backoffJitter must be a number' })
      .min(0, { error: 'backoffJitter must be at least 0' })
      .max(0.5, { error: 'backoffJitter must be at most 0.5' }),
    resetAfterHealthyMs: ms('resetAfterHealthyMs', 0),
    failuresBeforeFailed: count('failuresBeforeFailed', 1, 100),
    startupMaxWaitMs: ms('startupMaxWaitMs', 0),
    unavailableAfterMs: ms('unavailableAfterMs', 0),
    retryAfterMaxMs: ms('retryAfterMaxMs', 1),
    permanentRetry: z.enum(['cap', 'never'], { error: "permanentRetry must be 'cap' or 'never'" }),
    latencyWarningMs: ms('latencyWarningMs', 1),
    latencyCriticalMs: ms('latencyCriticalMs', 1),
    waitingWarning: count('waitingWarning', 1, 100_000),
    saturationWarning: share('saturationWarning'),
    saturationCritical: share('saturationCritical'),
    worseAfterProbes: count('worseAfterProbes', 1, 100),
    betterAfterProbes: count('betterAfterProbes', 1, 100),
    saturationEveryProbes: count('saturationEveryProbes', 1, 10_000),
    timelineSize: count('timelineSize', 1, 100_000),
  })
  .check((ctx) => {
    const s = ctx.value
    const issue = (message: string) => ctx.issues.push({ code: 'custom', message, input: s })
    if (s.backoffCapMs < s.backoffBaseMs)
      issue(`backoffCapMs (${s.backoffCapMs}) must be at least backoffBaseMs (${s.backoffBaseMs})`)
    if (s.latencyCriticalMs < s.latencyWarningMs)
      issue(
        `latencyCriticalMs (${s.latencyCriticalMs}) must be at least latencyWarningMs (${s.latencyWarningMs})`,
      )
    if (s.saturationCritical < s.saturationWarning)
      issue(
        `saturationCritical (${s.saturationCritical}) must be at least saturationWarning (${s.saturationWarning})`,
      )
  })

/** Defaults overridden by `input`; anything invalid is a 'validation' error naming the setting. */
export function resolveHealthSettings(input: Partial<HealthSettings> = {}): HealthSettings {
  const result = settingsSchema.safeParse({ ...healthDefaults, ...input })
  if (!result.success)
    throw new LifeguardError(
      'validation',
      `invalid health settings: ${result.error.issues.map((i) => i.message).join('; ')}`,
    )
  return result.data
}

/** The two environment overrides reference.md names, in seconds as the requirement states them. */
export const healthEnvironment = {
  STARTUP_MAX_WAIT: { setting: 'startupMaxWaitMs', most: 86_400 },
  DB_OPERATION_TIMEOUT: { setting: 'operationTimeoutMs', most: 3_600 },
} as const

export interface EnvironmentOverrides {
  startupMaxWaitMs?: number
  operationTimeoutMs?: number
  /** One message per variable that was set but not valid (its default stays in force). */
  problems: string[]
}

/**
 * Reads STARTUP_MAX_WAIT and DB_OPERATION_TIMEOUT: a whole number of seconds, optionally with a
 * unit (`90`, `90s`, `1500ms`, `10m`). A bad value is reported and ignored, never half-applied.
 */
export function readHealthEnvironment(env: Readonly<Record<string, string | undefined>>) {
  const out: EnvironmentOverrides = { problems: [] }
  for (const [name, { setting, most }] of Object.entries(healthEnvironment)) {
    const raw = env[name]
    if (raw === undefined || raw.trim() === '') continue
    const parsed = parseDuration(raw.trim())
    if (parsed === undefined || parsed <= 0 || parsed > most * 1000) {
      out.problems.push(
        `${name}=${JSON.stringify(raw.slice(0, 40))} is not valid: it must be a duration above 0 and at most ${most} s, such as 600 (seconds), 90s, 1500ms or 10m; ` +
          `it is ignored and the default applies`,
      )
      continue
    }
    out[setting] = parsed
  }
  return out
}

function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,9})(ms|s|m)?$/.exec(text)
  if (!match) return undefined
  const value = Number(match[1])
  const unit = match[2] ?? 's'
  return unit === 'ms' ? value : unit === 's' ? value * 1000 : value * 60_000
}
