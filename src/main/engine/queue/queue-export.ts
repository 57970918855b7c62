/**
 * A profile's queued and / or moved-aside operations as one JSON file, for the user to keep or
 * replay elsewhere. It holds the user's own statements, their parameters and the errors they met:
 * no connection settings, no password (the queue never holds either).
 */
import type { MetricsExport } from '../../../shared/domain'
import type { AsideOperation, QueuedOperation } from './queue-log-types'

export type ExportWhich = 'aside' | 'queued' | 'all'

export const QUEUE_EXPORT_VERSION = 1

interface ExportedOperation {
  id: string
  seq: number
  kind: string
  sql: string
  params: QueuedOperation['payload']['params']
  payloadHash: string
  enqueuedAt: string
  attempts: number
  lastError: QueuedOperation['lastError']
  state: 'queued' | 'aside'
  asideReason: AsideOperation['reason'] | null
  asideAt: string | null
}

export function exportOperations(input: {
  profileId: string
  profileLabel?: string
  which: ExportWhich
  queued: readonly QueuedOperation[]
  aside: readonly AsideOperation[]
  exportedAt: number
}): MetricsExport {
  const rows: ExportedOperation[] = []
  if (input.which !== 'aside') for (const op of input.queued) rows.push(row(op, null))
  if (input.which !== 'queued') for (const op of input.aside) rows.push(row(op, op))
  const document = {
    format: 'lifeguard-queue-export',
    version: QUEUE_EXPORT_VERSION,
    profileId: input.profileId,
    which: input.which,
    exportedAt: new Date(input.exportedAt).toISOString(),
    count: rows.length,
    operations: rows,
  }
  return {
    fileName: queueExportFileName(
      input.which,
      input.exportedAt,
      input.profileLabel ?? input.profileId,
    ),
    contentType: 'application/json',
    content: JSON.stringify(document, null, 2) + '\n',
  }
}

function row(op: QueuedOperation, aside: AsideOperation | null): ExportedOperation {
  return {
    id: op.id,
    seq: op.seq,
    kind: op.kind,
    sql: op.payload.sql,
    params: op.payload.params,
    payloadHash: op.payloadHash,
    enqueuedAt: new Date(op.enqueuedAt).toISOString(),
    attempts: op.attempts,
    lastError: op.lastError,
    state: aside ? 'aside' : 'queued',
    asideReason: aside ? aside.reason : null,
    asideAt: aside ? new Date(aside.asideAt).toISOString() : null,
  }
}

/** `lifeguard-queue-<profile>-<which>-YYYY-MM-DD-HH-MM-SS.json` (UTC), the profile part a slug. */
export function queueExportFileName(which: ExportWhich, at: number, profile: string): string {
  const stamp = new Date(at).toISOString().slice(0, 19).replace(/[:T]/g, '-')
  const slug =
    profile
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'profile'
  return `lifeguard-queue-${slug}-${which}-${stamp}.json`
}
