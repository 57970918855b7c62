/**
 * The data (`d`) of each record type of the queue log, format version 1 (see FORMAT.md). Recovery
 * checks every record's data against these before it believes it; the writer builds records of
 * these types only.
 */
import { z } from 'zod'
import { asideReasons, queueOperationKinds } from '../../../../shared/queue'

const seq = z.number().int().positive()
const wallMs = z.number().finite()
const hash = z.string().regex(/^[0-9a-f]{64}$/)

export const operationErrorSchema = z.strictObject({
  code: z.string(),
  sqlstate: z.string().nullable(),
  message: z.string(),
  errorClass: z.enum(['transient', 'permanent']),
  at: wallMs,
})

export const payloadSchema = z.strictObject({
  sql: z.string(),
  params: z.array(z.union([z.string(), z.number().finite(), z.boolean(), z.null()])),
})

export const countersSchema = z.strictObject({
  enqueued: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  failedAttempts: z.number().int().nonnegative(),
  movedAside: z.number().int().nonnegative(),
})
export type LogCounters = z.output<typeof countersSchema>

/** First record of every log file: which profile and generation, the counters, how many ops follow. */
export const baseSchema = z.strictObject({
  profileId: z.string(),
  generation: z.number().int().positive(),
  /** Number of `snapshot` records that follow (the live operations when the file was written). */
  live: z.number().int().nonnegative(),
  counters: countersSchema,
  createdAt: wallMs,
})

/** One live operation as of a compaction, with everything replay knows about it. */
export const snapshotSchema = z.strictObject({
  /** 1-based position among the base's `live` records. */
  i: z.number().int().positive(),
  seq,
  id: z.string().min(1),
  kind: z.enum(queueOperationKinds),
  payload: payloadSchema,
  payloadHash: hash,
  enqueuedAt: wallMs,
  attempts: z.number().int().nonnegative(),
  lastError: operationErrorSchema.nullable(),
  aside: z.strictObject({ reason: z.enum(asideReasons), at: wallMs }).nullable(),
})

/** A new operation at the tail; its seq is this record's number. */
export const enqueueSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(queueOperationKinds),
  payload: payloadSchema,
  payloadHash: hash,
  enqueuedAt: wallMs,
})

export const attemptSchema = z.strictObject({ seq, error: operationErrorSchema })
export const appliedSchema = z.strictObject({ seq })
export const asideSchema = z.strictObject({
  seq,
  reason: z.enum(asideReasons),
  error: operationErrorSchema.nullable(),
  at: wallMs,
})
/** An aside operation back at the tail; its new seq is this record's number. */
export const requeueSchema = z.strictObject({ id: z.string().min(1) })
export const replaceSchema = z.strictObject({ seq, payload: payloadSchema, payloadHash: hash })

export const recordSchemas = {
  base: baseSchema,
  snapshot: snapshotSchema,
  enqueue: enqueueSchema,
  attempt: attemptSchema,
  applied: appliedSchema,
  aside: asideSchema,
  requeue: requeueSchema,
  replace: replaceSchema,
} as const

export type RecordType = keyof typeof recordSchemas
export const recordTypes = Object.keys(recordSchemas) as RecordType[]

/** A record's type and data, as written and as recovered. */
export type RecordBody = {
  [T in RecordType]: { t: T; d: z.output<(typeof recordSchemas)[T]> }
}[RecordType]

/** The records that change the queue (everything but a file's base and snapshot). */
export type ChangeBody = Exclude<RecordBody, { t: 'base' } | { t: 'snapshot' }>
