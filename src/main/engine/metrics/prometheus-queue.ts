/**
 * The write queue's figures in the Prometheus export (issue 5 item 6): `lifeguard_queue_*` for
 * every profile whose input carries a queue (the monitor gives every profile one). Counters only
 * for what only grows (enqueued, applied, failed attempts); what can go down is a gauge: depth,
 * the operations moved aside now (a requeue takes one back, so it is not a counter), the oldest
 * operation's age, the replay rate over the last 10 s, bytes on disk.
 */
import type { QueueState, QueueStatus } from '../../../shared/queue'
import type { Labels, MetricFamily, Sample } from './prometheus-encoding'

/** What the export takes of a queue (a QueueStatus has all of it). */
export type PrometheusQueueInput = Pick<
  QueueStatus,
  | 'state'
  | 'depth'
  | 'maxQueueSize'
  | 'oldestAgeMs'
  | 'enqueued'
  | 'applied'
  | 'failedAttempts'
  | 'movedAside'
  | 'replayRatePerSecond'
  | 'bytesOnDisk'
  | 'exactlyOnce'
>

export interface QueueRow {
  labels: Labels
  queue: PrometheusQueueInput | null | undefined
}

/** 1 while replay cannot go on without the user (blocked, damaged, storage failed). */
const stoppedStates: ReadonlySet<QueueState> = new Set<QueueState>([
  'blocked',
  'damaged',
  'storage-failed',
])

function family(
  name: string,
  help: string,
  type: 'gauge' | 'counter',
  rows: readonly QueueRow[],
  value: (q: PrometheusQueueInput) => number | null,
): MetricFamily {
  const samples: Sample[] = []
  for (const { labels, queue } of rows) {
    if (!queue) continue
    const v = value(queue)
    if (v !== null) samples.push({ labels, value: v })
  }
  return { name, help, type, samples }
}

export function queueFamilies(rows: readonly QueueRow[]): MetricFamily[] {
  return [
    family(
      'lifeguard_queue_depth',
      'Operations in the write queue (waiting, replaying or blocked).',
      'gauge',
      rows,
      (q) => q.depth,
    ),
    family(
      'lifeguard_queue_max_size',
      'Most operations the write queue takes (maxQueueSize); a full queue refuses, never drops.',
      'gauge',
      rows,
      (q) => q.maxQueueSize,
    ),
    family(
      'lifeguard_queue_oldest_age_seconds',
      'Age of the oldest queued operation (absent when the queue is empty).',
      'gauge',
      rows,
      (q) => (q.oldestAgeMs === null ? null : q.oldestAgeMs / 1000),
    ),
    family(
      'lifeguard_queue_enqueued_total',
      'Operations acknowledged into the write queue (after fsync).',
      'counter',
      rows,
      (q) => q.enqueued,
    ),
    family(
      'lifeguard_queue_applied_total',
      'Queued operations applied to the database.',
      'counter',
      rows,
      (q) => q.applied,
    ),
    family(
      'lifeguard_queue_failed_attempts_total',
      'Failed replay attempts of queued operations.',
      'counter',
      rows,
      (q) => q.failedAttempts,
    ),
    family(
      'lifeguard_queue_moved_aside_operations',
      'Operations moved aside now (kept, retryable, exportable; a requeue takes one back).',
      'gauge',
      rows,
      (q) => q.movedAside,
    ),
    family(
      'lifeguard_queue_replay_operations_per_second',
      'Queued operations applied per second over the last 10 s.',
      'gauge',
      rows,
      (q) => q.replayRatePerSecond,
    ),
    family(
      'lifeguard_queue_disk_bytes',
      "Bytes the write queue's files take on disk.",
      'gauge',
      rows,
      (q) => q.bytesOnDisk,
    ),
    family(
      'lifeguard_queue_stopped',
      '1 while replay waits for the user (blocked, damaged or storage failed), else 0.',
      'gauge',
      rows,
      (q) => (stoppedStates.has(q.state) ? 1 : 0),
    ),
    family(
      'lifeguard_queue_exactly_once',
      '1 when replay records every operation in lifeguard.applied_operations (exactly-once effect), else 0.',
      'gauge',
      rows,
      (q) => (q.exactlyOnce ? 1 : 0),
    ),
  ]
}
