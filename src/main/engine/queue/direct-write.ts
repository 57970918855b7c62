/**
 * A submitted write that runs at once (the profile is usable and nothing is queued ahead of it),
 * in autocommit, through the profile's pool. How it ended decides whether it may still be queued:
 * a refusal before it was sent, or an error the server answered with (the statement's own
 * transaction rolled back), leaves it unapplied, so queueing it is safe; a lost connection or a
 * timeout after it was sent leaves it unknown, so it is reported and NOT queued (it could apply
 * twice).
 */
import type { ErrorCode, ErrorInfo } from '../../../shared/result'
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import type { Target } from '../core/pg-errors'
import { deadline } from '../health/deadline'
import type { AcquireLease, ReplayLease } from './replay/batch-runner'
import { classifyReplayError, type ClassifiedFailure } from './replay/replay-errors'
import type { Usability } from './replay/replay-types'
import type { QueueParam } from '../../../shared/queue'

export interface DirectContext {
  acquire: AcquireLease
  clock: Clock
  target: Target
  timeoutMs: number
}

export type DirectResult =
  | { kind: 'applied'; rowCount: number | null }
  /** Not applied: nothing was sent, or the server refused it for now (read-only, a transient error). */
  | { kind: 'not-applied'; failure: ClassifiedFailure }

/** Throws the statement's permanent error, or an 'unknown outcome' error; see the file comment. */
export async function runDirect(
  ctx: DirectContext,
  sql: string,
  params: QueueParam[],
): Promise<DirectResult> {
  const classify = (error: unknown, what: string) =>
    classifyReplayError(error, what, ctx.target, ctx.clock.wallNow())
  let lease: ReplayLease
  try {
    lease = await deadline(ctx.clock, ctx.acquire(), ctx.timeoutMs, 'waiting for a connection')
  } catch (error) {
    return { kind: 'not-applied', failure: classify(error, 'waiting for a connection') }
  }
  try {
    const result = await deadline(
      ctx.clock,
      lease.connection.query(sql, params),
      ctx.timeoutMs,
      'the statement',
    )
    lease.release()
    return {
      kind: 'applied',
      rowCount: typeof result.rowCount === 'number' ? result.rowCount : null,
    }
  } catch (error) {
    const failure = classify(error, 'the statement')
    lease.release(failure.broken ? asError(error) : undefined)
    const code = failure.error.code as ErrorCode
    if (failure.kind === 'permanent')
      throw new LifeguardError(code, failure.error.message, { cause: error })
    if (failure.error.sqlstate !== null) return { kind: 'not-applied', failure }
    throw new LifeguardError(
      code,
      `${failure.error.message}; the write may or may not have been applied, so it was not queued (check the database before submitting it again)`,
      { cause: error },
    )
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

/**
 * Why a submitted write cannot run at once, or null: the queue is damaged, the database is
 * read-only, writes are queued ahead of it (a write never overtakes queued ones), or health says
 * the database is not usable.
 */
export function whyNotNow(input: {
  damaged: boolean
  /** The read-only wait's message, when replay found the database read-only. */
  readOnly: string | null
  depth: number
  usable: Usability
}): ErrorInfo | null {
  if (input.damaged)
    return {
      code: 'invalid-state',
      message: "the profile's write queue is damaged: writes wait until you have looked at it",
    }
  if (input.readOnly !== null) return { code: 'service-unavailable', message: input.readOnly }
  const { depth } = input
  if (depth > 0)
    return {
      code: 'invalid-state',
      message: `${depth} write${depth === 1 ? ' is' : 's are'} queued for this profile, and a new one must not overtake ${depth === 1 ? 'it' : 'them'}`,
    }
  return input.usable.usable ? null : input.usable.reason
}
