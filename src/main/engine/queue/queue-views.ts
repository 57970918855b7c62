/** The queue as the contract shows it: QueueStatus, QueueView and each operation's view. */
import type { QueueOperationView, QueueStatus, QueueView } from '../../../shared/queue'
import type { AsideOperation, DurableQueueLog, QueuedOperation } from './queue-log-types'
import type { ReplayerView } from './replay/replay-types'

export interface StatusInputs {
  profileId: string
  log: DurableQueueLog
  replay: ReplayerView
  maxQueueSize: number
  exactlyOnce: boolean
  replayRatePerSecond: number
  wallNow: number
}

export function queueStatus(inputs: StatusInputs): QueueStatus {
  const { log, replay } = inputs
  const stats = log.stats()
  const head = log.head()
  const blocked = replay.blocked
  return {
    profileId: inputs.profileId,
    state: replay.state,
    depth: stats.depth,
    maxQueueSize: inputs.maxQueueSize,
    oldestAgeMs: head ? Math.max(0, inputs.wallNow - head.enqueuedAt) : null,
    enqueued: stats.enqueued,
    applied: stats.applied,
    failedAttempts: stats.failedAttempts,
    movedAside: stats.movedAside,
    replayRatePerSecond: inputs.replayRatePerSecond,
    bytesOnDisk: stats.bytesOnDisk,
    exactlyOnce: inputs.exactlyOnce,
    blocked:
      blocked && replay.state === 'blocked'
        ? { operationId: blocked.id, error: blocked.error, why: blocked.why }
        : null,
    wait: replay.state === 'waiting-for-database' ? replay.wait : null,
    damage: log.damage,
    // The replay's refusal, or the log's own (a failed write it could not undo yet).
    storageError: replay.storageError ?? log.storageError ?? null,
  }
}

export function queueView(inputs: StatusInputs, limit: number): QueueView {
  const { log, replay } = inputs
  const blockedSeq = replay.state === 'blocked' ? replay.blocked?.seq : undefined
  const queued = log
    .queued()
    .slice(0, limit)
    .map((op) =>
      operationView(
        op,
        op.seq === blockedSeq ? 'blocked' : replay.replaying.has(op.seq) ? 'replaying' : 'queued',
      ),
    )
  const aside = log
    .aside()
    .slice(0, limit)
    .map((op) => operationView(op, 'aside'))
  return { status: queueStatus(inputs), queued, aside }
}

export function operationView(
  op: QueuedOperation | AsideOperation,
  state: QueueOperationView['state'],
): QueueOperationView {
  const aside = 'reason' in op ? op : null
  return {
    id: op.id,
    seq: op.seq,
    kind: op.kind,
    sql: op.kind === 'history-snapshot' ? describeSnapshot(op) : op.payload.sql,
    paramCount: op.payload.params.length,
    ...(op.kind === 'statement' ? { params: [...op.payload.params] } : {}),
    payloadHash: op.payloadHash,
    enqueuedAt: op.enqueuedAt,
    attempts: op.attempts,
    lastError: op.lastError,
    state,
    asideReason: aside ? aside.reason : null,
    asideAt: aside ? aside.asideAt : null,
  }
}

/** A history snapshot is shown as one line: what it writes, not its values. */
function describeSnapshot(op: QueuedOperation): string {
  const firstLine = op.payload.sql.trim().split('\n', 1)[0] ?? ''
  const short = firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine
  return `history snapshot (${op.payload.params.length} values): ${short}`
}
