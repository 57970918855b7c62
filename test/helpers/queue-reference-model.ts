/**
 * An independent, deliberately naive model of what the queue log must show after a sequence of
 * changes (written apart from src/.../log-state.ts so a mistake there is not mirrored here), and
 * the projection of a real log onto the same shape, for crash tests to compare.
 */
import type { FileQueueLog } from '../../src/main/engine/queue/storage/file-queue-log'

export type RefChange =
  | { t: 'enqueue'; id: string; sql: string }
  | { t: 'attempt'; id: string }
  | { t: 'applied'; id: string }
  | { t: 'aside'; id: string; reason: 'skipped' | 'expired' }
  | { t: 'requeue'; id: string }
  | { t: 'replace'; id: string; sql: string }

export interface RefState {
  queued: Array<{ id: string; sql: string; attempts: number }>
  /** In the order they were set aside. */
  aside: Array<{ id: string; sql: string; attempts: number; reason: string }>
  enqueued: number
  applied: number
  failedAttempts: number
  movedAside: number
}

export const emptyRef = (): RefState => ({
  queued: [],
  aside: [],
  enqueued: 0,
  applied: 0,
  failedAttempts: 0,
  movedAside: 0,
})

export function applyRef(state: RefState, change: RefChange): RefState {
  const s: RefState = structuredClone(state)
  const at = s.queued.findIndex((op) => op.id === change.id)
  const queued = s.queued[at]
  switch (change.t) {
    case 'enqueue':
      s.queued.push({ id: change.id, sql: change.sql, attempts: 0 })
      s.enqueued++
      break
    case 'attempt':
      queued!.attempts++
      s.failedAttempts++
      break
    case 'applied':
      s.queued.splice(at, 1)
      s.applied++
      break
    case 'aside':
      s.queued.splice(at, 1)
      s.aside.push({ ...queued!, reason: change.reason })
      s.movedAside++
      break
    case 'requeue': {
      const i = s.aside.findIndex((op) => op.id === change.id)
      const [was] = s.aside.splice(i, 1)
      s.queued.push({ id: was!.id, sql: was!.sql, attempts: 0 })
      s.movedAside--
      break
    }
    case 'replace':
      queued!.sql = change.sql
      queued!.attempts = 0
      break
  }
  return s
}

/** The log's committed view in the model's shape. */
export function refOf(log: FileQueueLog): RefState {
  const stats = log.stats()
  return {
    queued: log.queued().map((op) => ({ id: op.id, sql: op.payload.sql, attempts: op.attempts })),
    aside: log
      .aside()
      .reverse()
      .map((op) => ({ id: op.id, sql: op.payload.sql, attempts: op.attempts, reason: op.reason })),
    enqueued: stats.enqueued,
    applied: stats.applied,
    failedAttempts: stats.failedAttempts,
    movedAside: stats.movedAside,
  }
}

export function sameRef(a: RefState, b: RefState): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The prefix lengths P (at least `atLeast`) of `changes` whose result, applied to `base`, is
 * `found`. Every acknowledged change must be in the prefix; any unacknowledged one may or may not.
 */
export function matchingPrefixes(
  base: RefState,
  changes: RefChange[],
  atLeast: number,
  found: RefState,
): number[] {
  const matches: number[] = []
  let state = base
  for (let p = 0; p <= changes.length; p++) {
    if (p > 0) state = applyRef(state, changes[p - 1]!)
    if (p >= atLeast && sameRef(state, found)) matches.push(p)
  }
  return matches
}
