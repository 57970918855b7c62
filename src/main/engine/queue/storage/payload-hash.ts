/**
 * The payload hash of a queued operation: sha256 (hex) of the canonical JSON of
 * `{ kind, payload: { params, sql } }` (keys in this order, which is sorted order; params are
 * plain JSON values). The exactly-once table stores it next to the operation's id, so the same id
 * with another payload is caught.
 */
import { hash } from 'node:crypto'
import type { QueueOperationKind } from '../../../../shared/queue'
import type { OperationPayload } from '../queue-log-types'

export function canonicalPayloadJson(kind: QueueOperationKind, payload: OperationPayload): string {
  return JSON.stringify({ kind, payload: { params: payload.params, sql: payload.sql } })
}

export function payloadHash(kind: QueueOperationKind, payload: OperationPayload): string {
  return hash('sha256', canonicalPayloadJson(kind, payload), 'hex')
}

/** The payload as canonical JSON (`{"params":[…],"sql":…}`), for building records from pieces. */
export function payloadJson(payload: OperationPayload): string {
  return `{"params":${JSON.stringify(payload.params)},"sql":${JSON.stringify(payload.sql)}}`
}

/** payloadHash from JSON pieces already made (the enqueue hot path: stringified once). */
export function payloadHashOfJson(kindJson: string, payloadJsonText: string): string {
  return hash('sha256', `{"kind":${kindJson},"payload":${payloadJsonText}}`, 'hex')
}
