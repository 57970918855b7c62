/**
 * What replay does after a batch failed: the decision table, pure (replayer.ts carries it out).
 *
 * | what failed                                         | decision                               |
 * |-----------------------------------------------------|----------------------------------------|
 * | nothing ran yet (acquire, recovery check, BEGIN),   | back off; no attempt of any operation  |
 * |   or the database is unusable (breaker, not conn.)  |                                        |
 * | the id insert: the table vanished (42P01, 3F000)    | create it again, go on                 |
 * | creating the exactly-once table: permanent          | block (exactly-once-table), no attempt |
 * | creating the exactly-once table: transient          | back off, no attempt                   |
 * | anything in a batch of several                      | isolate: replay up to the failing op   |
 * |                                                     |   again, then it alone (or one by one  |
 * |                                                     |   when no op owns the error)           |
 * | one operation: permanent                            | attempt; block (permanent-error)       |
 * | one operation: transient, attempts reach maximum    | attempt; block (attempts-exhausted)    |
 * | one operation: transient                            | attempt; back off                      |
 */
import type { QueueBlockedWhy, QueueWait } from '../../../../shared/queue'
import type { BatchOutcome } from './batch-runner'

export type FailureDecision =
  | { action: 'back-off'; reason: QueueWait['reason']; attempt: boolean }
  | { action: 'block'; why: QueueBlockedWhy; attempt: boolean }
  | { action: 'isolate'; index: number; each: boolean }
  | { action: 'recreate-table' }

/** Stages in which no operation's statement had run yet. */
const beforeAnyOperation: ReadonlySet<string> = new Set(['acquire', 'recovery-check', 'begin'])

export function decideOnFailure(
  outcome: Extract<BatchOutcome, { kind: 'failed' }>,
  context: {
    batchSize: number
    tableReady: boolean
    /** Attempts of this operation in this healthy period, this one included. */
    attempts: number
    maxAttempts: number
  },
): FailureDecision {
  const { stage, index, failure } = outcome
  if (beforeAnyOperation.has(stage) || failure.kind === 'unavailable')
    return {
      action: 'back-off',
      reason: failure.kind === 'unavailable' ? 'unavailable' : 'retry-backoff',
      attempt: false,
    }
  const sqlstate = failure.error.sqlstate
  if (
    stage === 'bookkeeping' &&
    context.tableReady &&
    (sqlstate === '42P01' || sqlstate === '3F000')
  )
    return { action: 'recreate-table' }
  if (stage === 'table')
    return failure.kind === 'permanent'
      ? { action: 'block', why: 'exactly-once-table', attempt: false }
      : { action: 'back-off', reason: 'retry-backoff', attempt: false }
  if (context.batchSize > 1)
    return { action: 'isolate', index: index ?? context.batchSize - 1, each: index === null }
  if (failure.kind === 'permanent')
    return { action: 'block', why: 'permanent-error', attempt: true }
  if (context.attempts >= context.maxAttempts)
    return { action: 'block', why: 'attempts-exhausted', attempt: true }
  return { action: 'back-off', reason: 'retry-backoff', attempt: true }
}
