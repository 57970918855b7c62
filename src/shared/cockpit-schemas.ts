/**
 * Request schemas of the cockpit's channels (issue 8): pool control, engine events, metrics
 * history and saving, the load lab and the app's preferences. Strict objects, as everywhere.
 */
import { z } from 'zod'
import { drainDeadlineChoices, engineEventKinds, historyRanges, workloadQueries } from './cockpit'
import { profileIdSchema } from './schemas'

const whole = (label: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be between ${min} and ${max}${unit}` })
    .max(max, { error: `${label} must be between ${min} and ${max}${unit}` })

const finite = (label: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `${label} must be a number` })
    .min(min, { error: `${label} must be between ${min} and ${max}${unit}` })
    .max(max, { error: `${label} must be between ${min} and ${max}${unit}` })

export const drainRequestSchema = z.strictObject({
  id: profileIdSchema,
  /** How long connections in use may take to come back; absent = no deadline. */
  deadlineMs: whole('drain deadline', 100, 3_600_000, ' ms').optional(),
  onDeadline: z
    .enum(drainDeadlineChoices, { error: 'onDeadline must be cancel, terminate or resume' })
    .optional(),
})

export const eventsListRequestSchema = z.strictObject({
  id: profileIdSchema,
  /** Only these kinds (absent = all). */
  kinds: z
    .array(z.enum(engineEventKinds, { error: 'unknown event kind' }), {
      error: 'kinds must be a list',
    })
    .min(1, { error: 'choose at least one kind (or leave kinds out for all)' })
    .max(engineEventKinds.length, { error: 'too many kinds' })
    .optional(),
  /** At most this many, newest first (default 500). */
  limit: whole('limit', 1, 5000).optional(),
})

export const historyRangeSchema = z.enum(historyRanges, { error: 'range must be 5m, 1h or 24h' })

export const metricsHistoryRequestSchema = z.strictObject({
  id: profileIdSchema,
  range: historyRangeSchema,
})

export const saveMetricsRequestSchema = z.strictObject({
  ids: z
    .array(profileIdSchema, { error: 'ids must be a list' })
    .min(1, { error: 'choose at least one profile' })
    .max(10_000, { error: 'at most 10000 profiles' })
    .optional(),
  format: z.enum(['json', 'csv', 'prometheus'], {
    error: 'format must be json, csv or prometheus',
  }),
  range: historyRangeSchema.optional(),
})

export const workloadSettingsSchema = z
  .strictObject({
    enabled: z.boolean({ error: 'enabled must be true or false' }),
    clients: whole('clients', 1, 200),
    ratePerSecond: finite('rate', 0.1, 10_000, ' per second'),
    query: z.enum(workloadQueries, { error: 'query must be select-1 or sleep' }),
    sleepMs: whole('sleep', 0, 600_000, ' ms'),
    leakEverySeconds: whole('leak interval', 1, 86_400, ' s').nullable(),
    leakHoldMs: whole('leak hold time', 1_000, 3_600_000, ' ms'),
  })
  .refine((s) => s.query !== 'sleep' || s.sleepMs > 0, {
    error: 'a sleep workload needs a sleep longer than 0 ms',
    path: ['sleepMs'],
  })

export const setWorkloadRequestSchema = z.strictObject({
  id: profileIdSchema,
  settings: workloadSettingsSchema,
})

export const historySinkSettingsSchema = z.strictObject({
  profileId: profileIdSchema.nullable(),
  intervalMs: whole('history interval', 1_000, 86_400_000, ' ms'),
})

/** Only the keys given change. */
export const setPreferencesRequestSchema = z.strictObject({
  mutedProfileIds: z
    .array(profileIdSchema, { error: 'mutedProfileIds must be a list' })
    .max(10_000, { error: 'at most 10000 profiles' })
    .optional(),
  notificationsEnabled: z
    .boolean({ error: 'notificationsEnabled must be true or false' })
    .optional(),
  historySink: historySinkSettingsSchema.optional(),
})
