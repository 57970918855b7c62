/**
 * The queue's logical state and the one function that changes it: applyChange(state, n, record).
 * The writer uses it twice per record (on the "accepted" state when the record is taken, on the
 * "committed" state once its fsync returned) and recovery uses it to replay a file, so what a
 * record means is defined in exactly one place.
 *
 * Operations are frozen objects, shared between states and handed out as they are: a change
 * makes a new object, never edits one in place.
 *
 * Counters: `enqueued` counts enqueue records (a requeue is not a new operation), `applied` and
 * `failedAttempts` only grow, `movedAside` is the number of operations aside now (a requeue takes
 * one back), so that applied + movedAside + depth = enqueued always holds.
 */
import type { AsideOperation, QueuedOperation } from '../queue-log-types'
import type { ChangeBody, LogCounters } from './record-schemas'

export interface LogState {
  /** Number of the next change record (records are numbered 1, 2, 3 ... without gaps). */
  nextN: number
  /** By seq; Map order is seq order (new seqs are always the largest). */
  readonly queued: Map<number, QueuedOperation>
  readonly queuedIds: Map<string, number>
  /** By id, in the order they were moved aside. */
  readonly aside: Map<string, AsideOperation>
  readonly counters: LogCounters
}

export function emptyState(): LogState {
  return {
    nextN: 1,
    queued: new Map(),
    queuedIds: new Map(),
    aside: new Map(),
    counters: { enqueued: 0, applied: 0, failedAttempts: 0, movedAside: 0 },
  }
}

export function cloneState(state: LogState): LogState {
  return {
    nextN: state.nextN,
    queued: new Map(state.queued),
    queuedIds: new Map(state.queuedIds),
    aside: new Map(state.aside),
    counters: { ...state.counters },
  }
}

export function freezeOperation<T extends QueuedOperation>(op: T): T {
  Object.freeze(op.payload.params)
  Object.freeze(op.payload)
  if (op.lastError) Object.freeze(op.lastError)
  return Object.freeze(op)
}

export interface ChangeConflict {
  code: 'not-found' | 'conflict'
  message: string
}

/** Why `body` cannot be applied to `state`, or null when it can. */
export function changeConflict(state: LogState, body: ChangeBody): ChangeConflict | null {
  switch (body.t) {
    case 'enqueue': {
      const { id } = body.d
      if (state.queuedIds.has(id))
        return { code: 'conflict', message: `operation ${id} is already queued` }
      if (state.aside.has(id))
        return { code: 'conflict', message: `operation ${id} is already set aside` }
      return null
    }
    case 'requeue':
      return state.aside.has(body.d.id)
        ? null
        : { code: 'not-found', message: `operation ${body.d.id} is not set aside` }
    case 'attempt':
    case 'applied':
    case 'aside':
    case 'replace':
      return state.queued.has(body.d.seq)
        ? null
        : { code: 'not-found', message: `no queued operation has seq ${body.d.seq}` }
  }
}

/**
 * Applies change record number `n` (which must be state.nextN and must not conflict). Returns the
 * operation the change created or edited, if it still is queued (enqueue, attempt, requeue,
 * replace). `made`: for an enqueue, the operation an earlier applyChange of the same record made
 * (it is the same in every state, so it is shared).
 */
export function applyChange(
  state: LogState,
  n: number,
  body: ChangeBody,
  made?: QueuedOperation,
): QueuedOperation | undefined {
  state.nextN = n + 1
  const c = state.counters
  switch (body.t) {
    case 'enqueue': {
      const d = body.d
      const op =
        made ??
        freezeOperation({
          id: d.id,
          kind: d.kind,
          payload: d.payload,
          enqueuedAt: d.enqueuedAt,
          seq: n,
          payloadHash: d.payloadHash,
          attempts: 0,
          lastError: null,
        })
      state.queued.set(n, op)
      state.queuedIds.set(op.id, n)
      c.enqueued++
      return op
    }
    case 'attempt': {
      const op = mustBeQueued(state, body.d.seq)
      const next = freezeOperation({ ...op, attempts: op.attempts + 1, lastError: body.d.error })
      state.queued.set(op.seq, next)
      c.failedAttempts++
      return next
    }
    case 'applied': {
      const op = mustBeQueued(state, body.d.seq)
      state.queued.delete(op.seq)
      state.queuedIds.delete(op.id)
      c.applied++
      return undefined
    }
    case 'aside': {
      const op = mustBeQueued(state, body.d.seq)
      state.queued.delete(op.seq)
      state.queuedIds.delete(op.id)
      const aside: AsideOperation = freezeOperation({
        ...op,
        lastError: body.d.error ?? op.lastError,
        reason: body.d.reason,
        asideAt: body.d.at,
      })
      state.aside.set(op.id, aside)
      c.movedAside++
      return undefined
    }
    case 'requeue': {
      const was = state.aside.get(body.d.id)
      if (!was) throw new Error(`operation ${body.d.id} is not set aside`)
      state.aside.delete(was.id)
      c.movedAside--
      const op = freezeOperation({
        id: was.id,
        kind: was.kind,
        payload: was.payload,
        enqueuedAt: was.enqueuedAt,
        seq: n,
        payloadHash: was.payloadHash,
        attempts: 0,
        lastError: null,
      })
      state.queued.set(n, op)
      state.queuedIds.set(op.id, n)
      return op
    }
    case 'replace': {
      const op = mustBeQueued(state, body.d.seq)
      const next = freezeOperation({
        ...op,
        payload: body.d.payload,
        payloadHash: body.d.payloadHash,
        attempts: 0,
        lastError: null,
      })
      state.queued.set(op.seq, next)
      return next
    }
  }
}

function mustBeQueued(state: LogState, seq: number): QueuedOperation {
  const op = state.queued.get(seq)
  if (!op) throw new Error(`no queued operation has seq ${seq}`)
  return op
}

/** applied + aside + queued = enqueued, and the aside counter is the aside list. */
export function countersConsistent(state: LogState): boolean {
  const c = state.counters
  return (
    c.movedAside === state.aside.size && c.applied + c.movedAside + state.queued.size === c.enqueued
  )
}
