/**
 * The queue's entries for the profile's Events tab. One sentence each, built by Lifeguard: ids,
 * sequence numbers and counts; an error's message (server text inside it is data). Never the
 * statement's parameters, never a password.
 */
import type { AsideReason, QueueBlockedWhy, QueueOperationError } from '../../../../shared/queue'
import type { QueuedOperation } from '../queue-log-types'
import type { QueueEvent } from './replay-types'

export function enqueued(op: QueuedOperation, depth: number): QueueEvent {
  return {
    kind: 'queue-enqueued',
    severity: 'info',
    message: `queued ${op.kind} ${op.id} (seq ${op.seq}); ${depth} waiting`,
    data: { operationId: op.id, seq: op.seq, kind: op.kind, depth },
  }
}

export function applied(batch: readonly QueuedOperation[], alreadyApplied: number): QueueEvent {
  const first = batch[0]!
  const last = batch[batch.length - 1]!
  const which =
    batch.length === 1 ? `${first.id} (seq ${first.seq})` : `seq ${first.seq}..${last.seq}`
  const note =
    alreadyApplied > 0
      ? `; ${alreadyApplied} found in lifeguard.applied_operations and not run again`
      : ''
  return {
    kind: 'queue-applied',
    severity: 'info',
    message: `applied ${batch.length} queued operation${batch.length === 1 ? '' : 's'}: ${which}${note}`,
    data: {
      count: batch.length,
      firstSeq: first.seq,
      lastSeq: last.seq,
      firstOperationId: first.id,
      alreadyApplied,
    },
  }
}

export function failed(
  op: QueuedOperation,
  error: QueueOperationError,
  attempt: number,
  maxAttempts: number,
): QueueEvent {
  return {
    kind: 'queue-failed',
    severity: 'warning',
    message: `operation ${op.id} (seq ${op.seq}) failed, attempt ${attempt} of ${maxAttempts} (${error.errorClass}): ${error.message}`,
    data: {
      operationId: op.id,
      seq: op.seq,
      attempt,
      maxAttempts,
      errorClass: error.errorClass,
      code: error.code,
      sqlstate: error.sqlstate,
    },
  }
}

/** A batch of several failed; replay goes again up to the failing one, then it alone. */
export function batchFailed(
  batchSize: number,
  op: QueuedOperation | null,
  error: QueueOperationError,
): QueueEvent {
  const where = op ? ` at operation ${op.id} (seq ${op.seq})` : ''
  return {
    kind: 'queue-failed',
    severity: 'warning',
    message: `a batch of ${batchSize} queued operations failed${where} and was rolled back (${error.errorClass}): ${error.message}; replaying them again${op ? ', that one on its own' : ' one by one'}`,
    data: {
      batch: true,
      batchSize,
      operationId: op?.id ?? null,
      seq: op?.seq ?? null,
      errorClass: error.errorClass,
      code: error.code,
      sqlstate: error.sqlstate,
    },
  }
}

const blockedText: Record<QueueBlockedWhy, string> = {
  'permanent-error': 'a permanent error',
  'attempts-exhausted': 'its attempts ran out (replay tries again at the next healthy period)',
  'exactly-once-table': 'lifeguard.applied_operations cannot be created or used',
}

export function blocked(
  op: QueuedOperation,
  error: QueueOperationError,
  why: QueueBlockedWhy,
): QueueEvent {
  return {
    kind: 'queue-blocked',
    severity: 'critical',
    message: `replay stopped at operation ${op.id} (seq ${op.seq}) because of ${blockedText[why]}: ${error.message}; retry, skip or edit it`,
    data: { operationId: op.id, seq: op.seq, why, code: error.code, sqlstate: error.sqlstate },
  }
}

export function movedAside(operationId: string, seq: number, reason: AsideReason): QueueEvent {
  return {
    kind: 'queue-moved-aside',
    severity: 'warning',
    message: `operation ${operationId} (seq ${seq}) moved aside (${reason}); it is kept and can be requeued or exported`,
    data: { operationId, seq, reason },
  }
}

export function readOnly(depth: number): QueueEvent {
  return {
    kind: 'queue-failed',
    severity: 'warning',
    message: `the database is read-only (a standby, or read-only transactions): ${depth} queued write${depth === 1 ? '' : 's'} wait until it takes writes`,
    data: { depth, readOnly: true },
  }
}

export function storageFailed(message: string): QueueEvent {
  return {
    kind: 'queue-failed',
    severity: 'critical',
    message: `the write queue's storage failed, replay stopped: ${message}`,
    data: { storage: true },
  }
}

export function queueFull(message: string): QueueEvent {
  return { kind: 'queue-failed', severity: 'warning', message, data: { queueFull: true } }
}
