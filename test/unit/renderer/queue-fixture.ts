/** Write-queue shapes for the Queue tab's tests. */
import type { QueueOperationView, QueueStatus, QueueView } from '../../../src/shared/queue'

export function queueStatus(profileId: string, overrides: Partial<QueueStatus> = {}): QueueStatus {
  return {
    profileId,
    state: 'idle',
    depth: 0,
    maxQueueSize: 1000,
    oldestAgeMs: null,
    enqueued: 0,
    applied: 0,
    failedAttempts: 0,
    movedAside: 0,
    replayRatePerSecond: 0,
    bytesOnDisk: 0,
    exactlyOnce: false,
    blocked: null,
    wait: null,
    damage: null,
    storageError: null,
    ...overrides,
  }
}

export function operation(
  seq: number,
  overrides: Partial<QueueOperationView> = {},
): QueueOperationView {
  return {
    id: `op-${seq}`,
    seq,
    kind: 'statement',
    sql: `INSERT INTO t VALUES ($1) -- ${seq}`,
    paramCount: 1,
    params: [seq],
    payloadHash: 'ab'.repeat(32),
    enqueuedAt: Date.UTC(2026, 0, 1, 10, 0, seq),
    attempts: 0,
    lastError: null,
    state: 'queued',
    asideReason: null,
    asideAt: null,
    ...overrides,
  }
}

export function queueView(
  status: QueueStatus,
  queued: QueueOperationView[],
  aside: QueueOperationView[] = [],
): QueueView {
  return { status, queued, aside }
}
