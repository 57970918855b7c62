/** Words for the write queue's states and figures (colour is never the only signal). */
import type { AsideReason, QueueOperationView, QueueState } from '../../../../shared/queue'

export const queueStateLabels: Record<QueueState, { icon: string; text: string; meaning: string }> =
  {
    idle: { icon: '✓', text: 'Idle', meaning: 'nothing to replay' },
    replaying: { icon: '▶', text: 'Replaying', meaning: 'queued writes are being applied' },
    'waiting-for-database': {
      icon: '◌',
      text: 'Waiting for the database',
      meaning: 'writes wait until the database is usable again',
    },
    blocked: {
      icon: '⊘',
      text: 'Blocked',
      meaning: 'a permanent error stopped replay: retry, skip or edit the operation',
    },
    damaged: {
      icon: '‼',
      text: 'Damaged',
      meaning: 'recovery found damage in the queue file; replay is stopped for this profile',
    },
    'storage-failed': {
      icon: '‼',
      text: 'Storage failed',
      meaning: 'the queue cannot write to disk: new writes are refused',
    },
  }

export const operationStateLabels: Record<QueueOperationView['state'], string> = {
  queued: 'Queued',
  replaying: 'Replaying',
  blocked: 'Blocked',
  aside: 'Moved aside',
}

export const asideReasonLabels: Record<AsideReason, string> = {
  'permanent-error': 'permanent error',
  skipped: 'skipped',
  expired: 'expired',
  'attempts-exhausted': 'attempts exhausted',
}

/** "512 B", "3.4 KiB", "12.0 MiB". */
export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}
