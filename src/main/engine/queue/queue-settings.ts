/**
 * Every write-queue setting with its default (../shared/design/reference.md, "Write queue"),
 * validated in one place. Durations are milliseconds. The replay's backoff is the reconnect
 * backoff of the health settings (1, 2, 4 ... 60 s, +-20 %), passed in as a BackoffPolicy.
 */
import { z } from 'zod'
import { LifeguardError } from '../core/errors'
import { count, ms, share } from '../core/setting-schemas'
import type { BackoffPolicy } from '../health/backoff'
import { healthDefaults, type HealthSettings } from '../health/health-settings'

export const queueDefaults = {
  /** Queued operations per profile; a full queue refuses with 'queue-full', never drops. */
  maxQueueSize: 1000,
  /** Attempts per operation (in one healthy period) before replay stops at it. */
  maxAttempts: 3,
  /** Operations older than this are moved aside with reason 'expired'; null: never. */
  maxAgeMs: null as number | null,
  /**
   * The user consented to lifeguard.applied_operations on the server (exactly-once effect).
   * Without it delivery is at-least-once.
   */
  exactlyOnce: false,
  /** Queued operations applied in one transaction (order kept, errors attributed per operation). */
  batchSize: 100,
  /** The 'queue-filling' signal rises above this share of maxQueueSize ... */
  fillingAbove: 0.8,
  /** ... and ends at or below this one (hysteresis, so it does not flap at the boundary). */
  fillingClearAtOrBelow: 0.7,
  /** Bound on waiting for a connection and on each statement (DB_OPERATION_TIMEOUT). */
  operationTimeoutMs: 30_000,
  /** Status pushes that only change counters come at most this often (state changes at once). */
  statusMinGapMs: 200,
}

export type QueueSettings = typeof queueDefaults

const settingsSchema = z
  .strictObject({
    maxQueueSize: count('maxQueueSize', 1, 1_000_000),
    maxAttempts: count('maxAttempts', 1, 100),
    maxAgeMs: ms('maxAgeMs', 1_000, 365 * 86_400_000).nullable(),
    exactlyOnce: z.boolean({ error: 'exactlyOnce must be true or false' }),
    batchSize: count('batchSize', 1, 10_000),
    fillingAbove: share('fillingAbove'),
    fillingClearAtOrBelow: share('fillingClearAtOrBelow'),
    operationTimeoutMs: ms('operationTimeoutMs', 10),
    statusMinGapMs: ms('statusMinGapMs', 0, 60_000),
  })
  .check((ctx) => {
    const s = ctx.value
    if (s.fillingClearAtOrBelow >= s.fillingAbove)
      ctx.issues.push({
        code: 'custom',
        message: `fillingClearAtOrBelow (${s.fillingClearAtOrBelow}) must be below fillingAbove (${s.fillingAbove})`,
        input: s,
      })
  })

/** Defaults overridden by `input`; anything invalid is a 'validation' error naming the setting. */
export function resolveQueueSettings(input: Partial<QueueSettings> = {}): QueueSettings {
  const result = settingsSchema.safeParse({ ...queueDefaults, ...input })
  if (!result.success)
    throw new LifeguardError(
      'validation',
      `invalid write-queue settings: ${result.error.issues.map((i) => i.message).join('; ')}`,
    )
  return result.data
}

/** The replay's backoff: the profile's reconnect backoff. */
export function replayBackoff(health: HealthSettings = healthDefaults): BackoffPolicy {
  return {
    baseMs: health.backoffBaseMs,
    factor: health.backoffFactor,
    capMs: health.backoffCapMs,
    jitter: health.backoffJitter,
  }
}
