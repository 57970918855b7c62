/**
 * Which queued operations go into the next transaction: from the head, in order, at most
 * batchSize, never past an operation whose statement cannot be queued (it is refused on its own).
 * After a batch of several failed, replay is narrower until it is past the failing operation:
 * the ones before it as a batch, then it alone, so its error is its own; one by one through the
 * failed batch when no operation owned the error ('each').
 */
import type { QueuedOperation } from '../queue-log-types'
import { statementProblem } from '../statement-rules'

export interface Isolation {
  /** The failing operation (or the last of the failed batch, with each). */
  seq: number
  each: boolean
}

export function pickBatch(
  queued: readonly QueuedOperation[],
  batchSize: number,
  isolate: Isolation | null,
): QueuedOperation[] {
  const head = queued[0]
  if (!head) return []
  if (isolate && (isolate.each || head.seq === isolate.seq)) return [head]
  const batch: QueuedOperation[] = []
  for (const op of queued) {
    if (batch.length >= batchSize) break
    if (isolate && op.seq >= isolate.seq) break
    if (statementProblem(op.payload.sql)) break
    batch.push(op)
  }
  return batch
}

/** Operations at least maxAgeMs old (wall clock), and when the next one will be. */
export function expiredOperations(
  queued: readonly QueuedOperation[],
  maxAgeMs: number | null,
  wallNow: number,
): { expired: QueuedOperation[]; nextDueAt: number | null } {
  if (maxAgeMs === null) return { expired: [], nextDueAt: null }
  const expired: QueuedOperation[] = []
  let next = Infinity
  for (const op of queued) {
    const due = op.enqueuedAt + maxAgeMs
    if (due <= wallNow) expired.push(op)
    else next = Math.min(next, due)
  }
  return { expired, nextDueAt: next === Infinity ? null : next }
}
