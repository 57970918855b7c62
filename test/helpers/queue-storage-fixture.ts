/** Small shared pieces of the queue storage tests: operations, a seeded PRNG, opening a log. */
import fs from 'node:fs'
import path from 'node:path'
import type { NewOperation } from '../../src/main/engine/queue/queue-log-types'
import type { FileQueueLog } from '../../src/main/engine/queue/storage/file-queue-log'
import {
  openQueueLog,
  type QueueLogOptions,
} from '../../src/main/engine/queue/storage/open-queue-log'
import type { QueueOperationError } from '../../src/shared/queue'
import { FakeClock } from './fake-clock'

export const PROFILE = 'p1'

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An INSERT of `value`, padded with a comment to about `bytes` characters when asked. */
export function statement(id: string, value: number | string = id, bytes = 0): NewOperation {
  const base = 'INSERT INTO lg_items (v) VALUES ($1)'
  const sql =
    bytes > base.length + 6 ? `${base} /* ${'x'.repeat(bytes - base.length - 6)} */` : base
  return { id, kind: 'statement', payload: { sql, params: [value] }, enqueuedAt: 1_767_225_600_000 }
}

export function failure(message = 'relation "lg_items" does not exist'): QueueOperationError {
  return {
    code: 'query-failed',
    sqlstate: '42P01',
    message,
    errorClass: 'permanent',
    at: 1_767_225_600_000,
  }
}

export function openTestLog(
  queueDir: string,
  options: Partial<QueueLogOptions> = {},
): Promise<FileQueueLog> {
  return openQueueLog({
    queueDir,
    profileId: PROFILE,
    maxQueueSize: 1000,
    clock: new FakeClock(),
    ...options,
  })
}

export function profileDir(queueDir: string, profileId = PROFILE): string {
  return path.join(queueDir, profileId)
}

/** File names in the profile's folder, sorted. */
export function folderFiles(queueDir: string, profileId = PROFILE): string[] {
  const dir = profileDir(queueDir, profileId)
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
}

/** The one log file's path (throws unless there is exactly one). */
export function logFile(queueDir: string, profileId = PROFILE): string {
  const logs = folderFiles(queueDir, profileId).filter((n) => /^log-\d+\.jsonl$/.test(n))
  if (logs.length !== 1) throw new Error(`expected one log file, found ${logs.join(', ')}`)
  return path.join(profileDir(queueDir, profileId), logs[0]!)
}

/** What a log shows, in a form to compare: ids in order, attempts, reasons, counters. */
export function viewOf(log: FileQueueLog) {
  const { bytesOnDisk: _bytes, ...counters } = log.stats()
  return {
    queued: log.queued().map((op) => ({
      id: op.id,
      seq: op.seq,
      attempts: op.attempts,
      sql: op.payload.sql,
      params: op.payload.params,
      hash: op.payloadHash,
      lastError: op.lastError?.message ?? null,
    })),
    aside: log.aside().map((op) => ({ id: op.id, reason: op.reason, seq: op.seq })),
    counters,
  }
}
