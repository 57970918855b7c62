/** Request schemas of the write queue's channels (issue 5). Strict objects, as everywhere. */
import { z } from 'zod'
import { profileIdSchema } from './schemas'

/** A queued statement's text: one statement, at most 64 KiB, no NUL. */
export const QUEUE_SQL_MAX = 64 * 1024
/** Bound parameters per statement. */
export const QUEUE_PARAMS_MAX = 1000

export const queueSqlSchema = z
  .string({ error: 'sql must be text' })
  .max(QUEUE_SQL_MAX, { error: `sql must be at most ${QUEUE_SQL_MAX} characters` })
  .refine((s) => !s.includes('\u0000'), { error: 'sql must not contain NUL characters' })
  .refine((s) => s.trim().length > 0, { error: 'sql is required' })

export const queueParamSchema = z.union(
  [
    z
      .string()
      .max(QUEUE_SQL_MAX)
      .refine((s) => !s.includes('\u0000'), {
        error: 'a parameter must not contain NUL characters',
      }),
    z.number().refine(Number.isFinite, { error: 'a parameter must be a finite number' }),
    z.boolean(),
    z.null(),
  ],
  { error: 'a parameter must be text, a finite number, true/false or null' },
)

export const operationIdSchema = z
  .string({ error: 'operation id must be text' })
  .regex(/^[A-Za-z0-9:._-]{1,128}$/, { error: 'not a valid operation id' })

export const queueGetRequestSchema = z.strictObject({
  id: profileIdSchema,
  /** At most this many queued operations (default 200). */
  limit: z.number().int().min(1).max(1000).optional(),
})

export const queueSubmitRequestSchema = z.strictObject({
  id: profileIdSchema,
  sql: queueSqlSchema,
  params: z
    .array(queueParamSchema, { error: 'params must be a list' })
    .max(QUEUE_PARAMS_MAX, { error: `at most ${QUEUE_PARAMS_MAX} parameters` })
    .optional(),
  /** Queue it when the profile cannot take it now (the user said yes); else answer 'unavailable'. */
  queueIfUnavailable: z.boolean({ error: 'queueIfUnavailable must be true or false' }),
})

/** What the user decided for the operation that stopped replay with a permanent error. */
export const queueResolveRequestSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      id: profileIdSchema,
      operationId: operationIdSchema,
      action: z.literal('retry'),
    }),
    z.strictObject({
      id: profileIdSchema,
      operationId: operationIdSchema,
      action: z.literal('skip'),
    }),
    z.strictObject({
      id: profileIdSchema,
      operationId: operationIdSchema,
      action: z.literal('edit'),
      sql: queueSqlSchema,
      params: z.array(queueParamSchema).max(QUEUE_PARAMS_MAX).optional(),
    }),
  ],
  { error: 'action must be retry, skip or edit' },
)

/** Put a moved-aside operation back at the end of the queue. */
export const queueRequeueRequestSchema = z.strictObject({
  id: profileIdSchema,
  operationId: operationIdSchema,
})

export const queueExportRequestSchema = z.strictObject({
  id: profileIdSchema,
  which: z.enum(['aside', 'queued', 'all'], { error: 'which must be aside, queued or all' }),
})

export const queueExactlyOnceRequestSchema = z.strictObject({
  id: profileIdSchema,
  /** true: create lifeguard.applied_operations on the server (the user consented); false: stop using it. */
  enabled: z.boolean({ error: 'enabled must be true or false' }),
})

/**
 * The user decided on a damaged queue: the valid records before the damage become the queue; the
 * records from the damage on are dropped from it (the damaged file's copy stays aside).
 */
export const queueDiscardDamageRequestSchema = z.strictObject({ id: profileIdSchema })

export const historySinkTablesRequestSchema = z.strictObject({
  /** Create the history tables in the sink's `lifeguard` schema (the user consented). */
  create: z.literal(true, { error: 'create must be true' }),
})
