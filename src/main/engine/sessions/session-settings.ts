/**
 * The session observer's settings with their defaults (../shared/design/reference.md, "Server
 * side": long queries warn at 2 min and are critical at 5 min, as in pgAdmin; the idle-in-
 * transaction threshold is configurable), validated in one place. Durations are milliseconds.
 */
import { z } from 'zod'
import { LifeguardError } from '../core/errors'
import { count, ms, share } from '../core/setting-schemas'

export const sessionDefaults = {
  /** One sample of pg_stat_activity this often. */
  sampleIntervalMs: 2_000,
  /** A sample (waiting for the connection and the query) that takes longer has failed. */
  sampleTimeoutMs: 1_500,
  /** Bound on a cancel or terminate (connection, checks and the call). */
  actionTimeoutMs: 5_000,
  /** application_name prefix of Lifeguard's own sessions ('' = pool pids only). */
  ownApplicationPrefix: 'lifeguard',
  /** A session idle in transaction this long raises a warning... */
  idleInTransactionMs: 60_000,
  /** ...and this long a critical alert. */
  idleInTransactionCriticalMs: 300_000,
  /** One query running this long raises a warning... */
  longQueryWarningMs: 120_000,
  /** ...and this long a critical alert. */
  longQueryCriticalMs: 300_000,
  /** A session seen waiting on a lock for this long (across samples) raises an alert. */
  blockedAfterMs: 5_000,
  /** Client connections used, as a share of what the server allows: warning and critical. */
  connectionsWarning: 0.8,
  connectionsCritical: 0.95,
  /** A connections alert eases (critical to warning, warning to resolved) this far below its line. */
  connectionsHysteresis: 0.05,
  /** A condition back within this long of resolving reopens its alert instead of raising a new one. */
  reopenWithinMs: 10_000,
  /** Resolved alerts are kept this long... */
  resolvedRetentionMs: 900_000,
  /** ...and at most this many of them. */
  maxResolvedAlerts: 100,
  /** Active alerts beyond this many are counted, not listed. */
  maxActiveAlerts: 500,
}

export type SessionSettings = typeof sessionDefaults

const schema = z
  .strictObject({
    sampleIntervalMs: ms('sampleIntervalMs', 100),
    sampleTimeoutMs: ms('sampleTimeoutMs', 50),
    actionTimeoutMs: ms('actionTimeoutMs', 50),
    ownApplicationPrefix: z
      .string({ error: 'ownApplicationPrefix must be text' })
      .max(63, { error: 'ownApplicationPrefix must be at most 63 characters' }),
    idleInTransactionMs: ms('idleInTransactionMs', 0),
    idleInTransactionCriticalMs: ms('idleInTransactionCriticalMs', 0),
    longQueryWarningMs: ms('longQueryWarningMs', 0),
    longQueryCriticalMs: ms('longQueryCriticalMs', 0),
    blockedAfterMs: ms('blockedAfterMs', 0),
    connectionsWarning: share('connectionsWarning'),
    connectionsCritical: share('connectionsCritical'),
    connectionsHysteresis: z
      .number({ error: 'connectionsHysteresis must be a number' })
      .min(0, { error: 'connectionsHysteresis must be at least 0' })
      .max(0.5, { error: 'connectionsHysteresis must be at most 0.5' }),
    reopenWithinMs: ms('reopenWithinMs', 0),
    resolvedRetentionMs: ms('resolvedRetentionMs', 0),
    maxResolvedAlerts: count('maxResolvedAlerts', 0, 100_000),
    maxActiveAlerts: count('maxActiveAlerts', 1, 100_000),
  })
  .check((ctx) => {
    const s = ctx.value
    const issue = (message: string) => ctx.issues.push({ code: 'custom', message, input: s })
    const order = (low: keyof SessionSettings, high: keyof SessionSettings) => {
      if ((s[high] as number) < (s[low] as number))
        issue(`${high} (${s[high]}) must be at least ${low} (${s[low]})`)
    }
    order('longQueryWarningMs', 'longQueryCriticalMs')
    order('idleInTransactionMs', 'idleInTransactionCriticalMs')
    order('connectionsWarning', 'connectionsCritical')
    if (s.sampleTimeoutMs >= s.sampleIntervalMs)
      issue(
        `sampleTimeoutMs (${s.sampleTimeoutMs}) must be below sampleIntervalMs (${s.sampleIntervalMs})`,
      )
  })

/** Defaults overridden by `input`; anything invalid is a 'validation' error naming the setting. */
export function resolveSessionSettings(input: Partial<SessionSettings> = {}): SessionSettings {
  const result = schema.safeParse({ ...sessionDefaults, ...input })
  if (!result.success)
    throw new LifeguardError(
      'validation',
      `invalid session settings: ${result.error.issues.map((i) => i.message).join('; ')}`,
    )
  return result.data
}
