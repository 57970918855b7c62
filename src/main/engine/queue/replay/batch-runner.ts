/**
 * Applies a run of queued operations, in order, in ONE transaction on one pooled connection:
 *
 *   [SELECT pg_is_in_recovery()]               once per replay run: a standby takes no writes
 *   [CREATE SCHEMA / TABLE IF NOT EXISTS]      exactly-once, first use
 *   BEGIN
 *   INSERT ids ... ON CONFLICT DO NOTHING RETURNING id   exactly-once: one round trip per batch
 *   [SELECT id, payload_hash ...]              only if some id was there already
 *   <each operation's statement, in order>     skipping those already applied (same hash)
 *   COMMIT
 *
 * The caller marks the operations applied in the local log after COMMIT. An error is reported
 * with the stage and, when a statement failed, the index of its operation; anything else that
 * fails inside a batch of several (BEGIN, the id insert, COMMIT) is not attributed to one of them.
 * The transaction is rolled back (or the connection given back as broken) before returning.
 *
 * COMMIT that fails with a lost connection is ambiguous (it may have committed): with the
 * exactly-once table the next replay finds the ids and runs nothing twice; without it the
 * operations run again (at-least-once, as the status says).
 */
import type { ErrorCode } from '../../../../shared/result'
import type { Clock } from '../../core/clock'
import { LifeguardError } from '../../core/errors'
import type { Target } from '../../core/pg-errors'
import { deadline } from '../../health/deadline'
import type { QueuedOperation } from '../queue-log-types'
import {
  createSchemaSql,
  createTableSql,
  inRecoverySql,
  insertIdsSql,
  selectHashesSql,
} from './applied-operations-sql'
import { classifyReplayError, permanentFailure, type ClassifiedFailure } from './replay-errors'

export interface ReplayConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number | null }>
  /** pg.Client: 'T' while in a transaction. */
  getTransactionStatus?(): 'I' | 'T' | 'E' | null
}

export interface ReplayLease {
  readonly connection: ReplayConnection
  /** Pass the error that broke the connection to have the pool remove it. */
  release(error?: Error): void
}

/** Through the profile's circuit breaker (ProfileSession.acquire). */
export type AcquireLease = () => Promise<ReplayLease>

export interface BatchContext {
  acquire: AcquireLease
  clock: Clock
  target: Target
  /** Bound on the wait for a connection and on each statement. */
  timeoutMs: number
  exactlyOnce: boolean
  /** Create the exactly-once table first (if absent). */
  ensureTable: boolean
  /** Ask pg_is_in_recovery() first. */
  checkRecovery: boolean
}

export type BatchStage =
  'acquire' | 'recovery-check' | 'table' | 'begin' | 'bookkeeping' | 'statement' | 'commit'

export type BatchOutcome =
  | {
      kind: 'committed'
      ops: QueuedOperation[]
      /** Seqs found in lifeguard.applied_operations with the same hash: not run again. */
      alreadyApplied: ReadonlySet<number>
    }
  | { kind: 'read-only'; failure: ClassifiedFailure | null }
  | {
      kind: 'failed'
      stage: BatchStage
      /** The operation whose statement (or id) failed; null when not attributable. */
      index: number | null
      failure: ClassifiedFailure
    }

const whatOf: Record<BatchStage, string> = {
  acquire: 'waiting for a connection',
  'recovery-check': 'checking whether the server is a standby',
  table: 'creating lifeguard.applied_operations',
  begin: 'starting the replay transaction',
  bookkeeping: 'recording the operation ids in lifeguard.applied_operations',
  statement: 'the statement',
  commit: 'committing the replay transaction',
}

export async function runBatch(ctx: BatchContext, ops: QueuedOperation[]): Promise<BatchOutcome> {
  const { clock } = ctx
  const fail = (stage: BatchStage, index: number | null, error: unknown): BatchOutcome => {
    const failure = classifyReplayError(error, whatOf[stage], ctx.target, clock.wallNow())
    if (failure.kind === 'read-only') return { kind: 'read-only', failure }
    return { kind: 'failed', stage, index, failure }
  }
  let lease: ReplayLease
  try {
    lease = await deadline(clock, ctx.acquire(), ctx.timeoutMs, whatOf.acquire)
  } catch (error) {
    return fail('acquire', null, error)
  }
  const c = lease.connection
  const q = (stage: BatchStage, text: string, values?: unknown[]) =>
    deadline(clock, c.query(text, values), ctx.timeoutMs, whatOf[stage])
  let stage: BatchStage = 'recovery-check'
  let index: number | null = null
  let inTransaction = false
  try {
    if (ctx.checkRecovery) {
      const row = (await q(stage, inRecoverySql)).rows[0] as { in_recovery?: unknown } | undefined
      if (row?.in_recovery === true) {
        lease.release()
        return { kind: 'read-only', failure: null }
      }
    }
    if (ctx.exactlyOnce && ctx.ensureTable) {
      stage = 'table'
      await createTable((text) => q('table', text))
    }
    stage = 'begin'
    await q(stage, 'BEGIN')
    inTransaction = true
    const already = new Set<number>()
    if (ctx.exactlyOnce) {
      stage = 'bookkeeping'
      const mismatch = await recordIds(q, ops, already)
      if (mismatch !== null) {
        await q(stage, 'ROLLBACK')
        inTransaction = false
        lease.release()
        const op = ops[mismatch]!
        return {
          kind: 'failed',
          stage,
          index: mismatch,
          failure: permanentFailure(
            'conflict',
            `operation id reused with a different payload: "${op.id}" is recorded in lifeguard.applied_operations with another payload hash, so this operation is not the one that was applied`,
            clock.wallNow(),
          ),
        }
      }
    }
    stage = 'statement'
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!
      if (already.has(op.seq)) continue
      index = i
      await q(stage, op.payload.sql, op.payload.params)
      const status = c.getTransactionStatus?.()
      if (status !== undefined && status !== null && status !== 'T')
        throw permanentFailure(
          'validation',
          'the statement ended the replay transaction (transaction control cannot be queued)',
          clock.wallNow(),
        )
    }
    index = null
    stage = 'commit'
    await q(stage, 'COMMIT')
    inTransaction = false
    lease.release()
    return { kind: 'committed', ops, alreadyApplied: already }
  } catch (error) {
    const outcome: BatchOutcome = isClassified(error)
      ? { kind: 'failed', stage, index, failure: error }
      : fail(stage, index, error)
    const failure = outcome.kind === 'committed' ? null : outcome.failure
    let broken = failure?.broken ?? true
    if (inTransaction && !broken) {
      try {
        await q('commit', 'ROLLBACK')
      } catch {
        broken = true
      }
    }
    lease.release(broken ? asError(error) : undefined)
    return outcome
  }
}

/** Creates the exactly-once table now (the user just consented); throws the classified failure. */
export async function ensureAppliedTable(
  ctx: Pick<BatchContext, 'acquire' | 'clock' | 'target' | 'timeoutMs'>,
): Promise<void> {
  const lease = await deadline(ctx.clock, ctx.acquire(), ctx.timeoutMs, whatOf.acquire)
  try {
    await createTable((text) =>
      deadline(ctx.clock, lease.connection.query(text), ctx.timeoutMs, whatOf.table),
    )
    lease.release()
  } catch (error) {
    const failure = classifyReplayError(error, whatOf.table, ctx.target, ctx.clock.wallNow())
    lease.release(failure.broken ? asError(error) : undefined)
    throw new LifeguardError(failure.error.code as ErrorCode, failure.error.message, {
      cause: error,
    })
  }
}

/**
 * CREATE ... IF NOT EXISTS is not safe against a concurrent creator (two profiles on one database):
 * the loser gets a unique violation or "already exists"; then the table is there, so try once more.
 */
async function createTable(q: (text: string) => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await q(createSchemaSql)
      await q(createTableSql)
      return
    } catch (error) {
      const code = (error as { code?: unknown }).code
      const race = code === '23505' || code === '42P06' || code === '42P07'
      if (!race || attempt >= 2) throw error
    }
  }
}

/** Inserts the batch's ids; fills `already` with seqs applied before. Returns a mismatch index. */
async function recordIds(
  q: (stage: BatchStage, text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>,
  ops: QueuedOperation[],
  already: Set<number>,
): Promise<number | null> {
  const ids = ops.map((op) => op.id)
  const inserted = await q('bookkeeping', insertIdsSql, [ids, ops.map((op) => op.payloadHash)])
  const fresh = new Set(inserted.rows.map((row) => (row as { id: string }).id))
  const seen = ops.filter((op) => !fresh.has(op.id))
  if (seen.length === 0) return null
  const found = await q('bookkeeping', selectHashesSql, [seen.map((op) => op.id)])
  const hashes = new Map(
    found.rows.map((row) => {
      const r = row as { id: string; payload_hash: string }
      return [r.id, r.payload_hash]
    }),
  )
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!
    if (fresh.has(op.id)) continue
    if (hashes.get(op.id) !== op.payloadHash) return i
    already.add(op.seq)
  }
  return null
}

function isClassified(value: unknown): value is ClassifiedFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    'error' in value &&
    'broken' in value
  )
}

function asError(error: unknown): Error {
  if (error instanceof Error) return error
  const info = isClassified(error) ? error.error.message : String(error)
  return new Error(info)
}
