/**
 * Checks and copies what callers hand to the log (an operation, a payload, an error), so a record
 * only ever holds plain JSON that reads back exactly as written (no NaN that would come back as
 * null, no object the caller can change afterwards).
 */
import { LifeguardError } from '../../core/errors'
import { queueOperationKinds, type QueueOperationError } from '../../../../shared/queue'
import type { NewOperation, OperationPayload } from '../queue-log-types'

/** A generous bound per statement: records are read back whole at recovery. */
export const MAX_SQL_LENGTH = 16 * 1024 * 1024
export const MAX_ID_LENGTH = 256

function invalid(message: string): LifeguardError {
  return new LifeguardError('validation', message)
}

export function copyPayload(payload: OperationPayload): OperationPayload {
  if (typeof payload !== 'object' || payload === null)
    throw invalid('the payload must be an object')
  const { sql, params } = payload
  if (typeof sql !== 'string' || sql.length === 0)
    throw invalid('the statement must be a non-empty string')
  if (sql.length > MAX_SQL_LENGTH)
    throw invalid(`the statement is longer than ${MAX_SQL_LENGTH} characters`)
  if (!Array.isArray(params)) throw invalid('params must be an array')
  const copy = params.map((p, i) => {
    if (p === null || typeof p === 'string' || typeof p === 'boolean') return p
    if (typeof p === 'number' && Number.isFinite(p)) return p
    throw invalid(`parameter $${i + 1} must be a string, a finite number, a boolean or null`)
  })
  // params first: the canonical order (payload-hash.ts), so the record is written in it too.
  return { params: copy, sql }
}

export function checkOperation(op: NewOperation): NewOperation {
  if (typeof op !== 'object' || op === null) throw invalid('the operation must be an object')
  if (typeof op.id !== 'string' || op.id.length === 0 || op.id.length > MAX_ID_LENGTH)
    throw invalid(`the operation id must be a string of 1 to ${MAX_ID_LENGTH} characters`)
  if (!queueOperationKinds.includes(op.kind))
    throw invalid(`unknown operation kind ${JSON.stringify(op.kind)}`)
  if (typeof op.enqueuedAt !== 'number' || !Number.isFinite(op.enqueuedAt))
    throw invalid('enqueuedAt must be a finite number')
  return { id: op.id, kind: op.kind, payload: copyPayload(op.payload), enqueuedAt: op.enqueuedAt }
}

export function copyError(error: QueueOperationError): QueueOperationError {
  if (typeof error !== 'object' || error === null) throw invalid('the error must be an object')
  const { code, sqlstate, message, errorClass, at } = error
  if (typeof code !== 'string') throw invalid('error.code must be a string')
  if (sqlstate !== null && typeof sqlstate !== 'string')
    throw invalid('error.sqlstate must be a string or null')
  if (typeof message !== 'string') throw invalid('error.message must be a string')
  if (errorClass !== 'transient' && errorClass !== 'permanent')
    throw invalid("error.errorClass must be 'transient' or 'permanent'")
  if (typeof at !== 'number' || !Number.isFinite(at))
    throw invalid('error.at must be a finite number')
  return { code, sqlstate, message, errorClass, at }
}
