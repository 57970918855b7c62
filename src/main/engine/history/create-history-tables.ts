/**
 * Creates the history sink's tables (history-sql.ts) on the sink's server, in one transaction,
 * through the profile's pool and circuit breaker: only ever called after the user consented
 * (history:create-tables). Idempotent (IF NOT EXISTS); a concurrent creator's "already exists"
 * is taken as success after one more try.
 */
import type { ErrorCode } from '../../../shared/result'
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import type { Target } from '../core/pg-errors'
import { deadline } from '../health/deadline'
import type { AcquireLease } from '../queue'
import { classifyReplayError } from '../queue/replay/replay-errors'
import { createHistoryTablesSql } from './history-sql'

export interface CreateTablesContext {
  acquire: AcquireLease
  clock: Clock
  target: Target
  timeoutMs: number
}

const WHAT = 'creating the history tables (lifeguard.pool_snapshots)'

export async function createHistoryTables(ctx: CreateTablesContext): Promise<void> {
  const fail = (error: unknown): LifeguardError => {
    const failure = classifyReplayError(error, WHAT, ctx.target, ctx.clock.wallNow())
    return new LifeguardError(failure.error.code as ErrorCode, failure.error.message, {
      cause: error,
    })
  }
  let lease
  try {
    lease = await deadline(ctx.clock, ctx.acquire(), ctx.timeoutMs, 'waiting for a connection')
  } catch (error) {
    throw fail(error)
  }
  const q = (text: string) => deadline(ctx.clock, lease.connection.query(text), ctx.timeoutMs, WHAT)
  for (let attempt = 1; ; attempt++) {
    let open = false
    try {
      await q('BEGIN')
      open = true
      for (const statement of createHistoryTablesSql) await q(statement)
      await q('COMMIT')
      lease.release()
      return
    } catch (error) {
      let broken = false
      if (open) await q('ROLLBACK').catch(() => (broken = true))
      const code = (error as { code?: unknown }).code
      const race = code === '23505' || code === '42P06' || code === '42P07'
      if (race && attempt < 2 && !broken) continue
      lease.release(broken || code === undefined ? asError(error) : undefined)
      throw fail(error)
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}
