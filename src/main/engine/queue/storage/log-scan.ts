/**
 * Reads one log file's bytes back into a LogState, deciding what is a torn tail and what is
 * damage (reliability D.18):
 *
 * - Every line's checksum is verified on the raw bytes before it is parsed.
 * - Lines that fail their checksum (or are cut off) with no valid line after them are a torn
 *   tail: the last write was interrupted, none of it was acknowledged (an acknowledgement waits
 *   for the fsync that covers the whole write), so it is dropped and the file ends at the last
 *   valid record.
 * - Anything else that is wrong is damage, and nothing from there on is used: a line that fails
 *   its checksum with a valid one after it, a line that passes its checksum but is not a record
 *   this version can read (JSON, format version, fields), a gap in the record numbers, a change
 *   that does not fit the state (an unknown seq), an incomplete snapshot section. Order matters,
 *   so the records after the damage are never applied (no skip-and-continue).
 */
import type { QueuedOperation } from '../queue-log-types'
import {
  applyChange,
  changeConflict,
  countersConsistent,
  emptyState,
  freezeOperation,
} from './log-state'
import type { LogState } from './log-state'
import { checksumMatches, isProblem, parseRecord, type ParseProblem } from './record-format'
import type { RecordBody } from './record-schemas'

export interface ScanContext {
  generation: number
  profileId: string
}

export interface ScanDamage {
  /** 1-based line number of the first line that cannot be used. */
  line: number
  offset: number
  reason: string
  /** Lines from the damaged one to the end of the file. */
  recordsAffected: number
}

export interface ScanResult {
  state: LogState
  /** Bytes holding the valid records (where a torn tail is cut off). */
  validLength: number
  validRecords: number
  /** Lines of a torn tail that was dropped (0: the file ended cleanly). */
  tornLines: number
  damage: ScanDamage | null
}

type Phase = 'base' | 'snapshot' | 'changes'

function countLines(buffer: Buffer, from: number): number {
  let lines = 0
  let at = from
  for (;;) {
    const nl = buffer.indexOf(0x0a, at)
    if (nl === -1) break
    lines++
    at = nl + 1
  }
  return at < buffer.length ? lines + 1 : lines
}

function describeProblem(p: ParseProblem): string {
  if (p.problem === 'json') return `it passed its checksum but is not JSON (${p.detail})`
  if (p.problem === 'version')
    return `it is in format version ${JSON.stringify(p.version)}, which this Lifeguard cannot read (written by a newer version?)`
  return `it is not a valid record (${p.detail.slice(0, 200)})`
}

/** The log file's content, scanned. Pure: no file access. */
export function scanLog(buffer: Buffer, context: ScanContext): ScanResult {
  const state = emptyState()
  let phase = 'base' as Phase
  let baseN = 0
  let live = 0
  let lastQueuedSeq = 0
  let validRecords = 0
  let validLength = 0
  let lineNo = 0
  let torn: { line: number; offset: number } | null = null
  let at = 0

  const damaged = (line: number, offset: number, reason: string): ScanResult => ({
    state,
    validLength,
    validRecords,
    tornLines: 0,
    damage: { line, offset, reason, recordsAffected: countLines(buffer, offset) },
  })

  /** The reason this record cannot be used at this point, or null after applying it. */
  const take = (n: number, body: RecordBody): string | null => {
    if (phase === 'base') {
      if (body.t !== 'base') return 'the file does not start with its base record'
      const d = body.d
      if (d.profileId !== context.profileId)
        return `the file belongs to profile ${JSON.stringify(d.profileId)}`
      if (d.generation !== context.generation)
        return `the base record says generation ${d.generation}, the file name ${context.generation}`
      baseN = n
      state.nextN = n + 1
      Object.assign(state.counters, d.counters)
      live = d.live
      phase = 'snapshot'
    } else if (phase === 'snapshot') {
      if (body.t !== 'snapshot' || n !== baseN)
        return `the snapshot ends after ${state.queued.size + state.aside.size} of ${live} operations`
      const d = body.d
      const expected = state.queued.size + state.aside.size + 1
      if (d.i !== expected) return `snapshot record ${d.i} where ${expected} was expected`
      if (d.seq > baseN) return `snapshot operation seq ${d.seq} is beyond record ${baseN}`
      if (state.queuedIds.has(d.id) || state.aside.has(d.id))
        return `operation ${d.id} appears twice in the snapshot`
      const op: QueuedOperation = {
        id: d.id,
        kind: d.kind,
        payload: d.payload,
        enqueuedAt: d.enqueuedAt,
        seq: d.seq,
        payloadHash: d.payloadHash,
        attempts: d.attempts,
        lastError: d.lastError,
      }
      if (d.aside) {
        state.aside.set(
          d.id,
          freezeOperation({ ...op, reason: d.aside.reason, asideAt: d.aside.at }),
        )
      } else {
        if (d.seq <= lastQueuedSeq) return `queued operations are out of order at seq ${d.seq}`
        lastQueuedSeq = d.seq
        state.queued.set(d.seq, freezeOperation(op))
        state.queuedIds.set(d.id, d.seq)
      }
    } else {
      if (body.t === 'base' || body.t === 'snapshot')
        return `a ${body.t} record in the middle of the file`
      if (n !== state.nextN)
        return `record numbers jump from ${state.nextN - 1} to ${n}: records are missing`
      const conflict = changeConflict(state, body)
      if (conflict) return `record ${n} (${body.t}) does not fit: ${conflict.message}`
      applyChange(state, n, body)
    }
    if (phase === 'snapshot' && state.queued.size + state.aside.size === live) {
      if (!countersConsistent(state)) return 'the counters in the base record do not add up'
      phase = 'changes'
    }
    return null
  }

  while (at < buffer.length) {
    const nl = buffer.indexOf(0x0a, at)
    const end = nl === -1 ? buffer.length : nl
    const line = buffer.subarray(at, end)
    lineNo++
    const ok = nl !== -1 && checksumMatches(line)
    if (torn) {
      if (ok)
        return damaged(
          torn.line,
          torn.offset,
          `line ${torn.line} failed its checksum, and a valid record follows at line ${lineNo}`,
        )
    } else if (!ok) {
      torn = { line: lineNo, offset: at }
    } else {
      const parsed = parseRecord(line)
      const reason = isProblem(parsed)
        ? `line ${lineNo} cannot be read: ${describeProblem(parsed)}`
        : take(parsed.n, parsed.body)
      if (reason !== null) return damaged(lineNo, at, reason)
      validRecords++
      validLength = end + 1
    }
    at = nl === -1 ? buffer.length : nl + 1
  }

  if (phase !== 'changes') {
    const where = torn ?? { line: lineNo + 1, offset: buffer.length }
    return damaged(
      where.line,
      where.offset,
      phase === 'base'
        ? 'the file has no base record'
        : `the file ends inside its snapshot (${state.queued.size + state.aside.size} of ${live} operations)`,
    )
  }
  return {
    state,
    validLength,
    validRecords,
    tornLines: torn ? countLines(buffer, torn.offset) : 0,
    damage: null,
  }
}
