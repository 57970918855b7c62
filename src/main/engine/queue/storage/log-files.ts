/**
 * File names in a profile's queue folder `<dataDir>/queue/<profileId>/`:
 *
 *   log-0000000007.jsonl                  the log, generation 7 (the highest generation is the log)
 *   log-0000000008.jsonl.tmp              a generation being written (never part of the state)
 *   log-0000000007.jsonl.damaged-<time>   a copy of a damaged log, kept for the user
 *
 * A generation file only ever appears under its final name complete and fsynced (written as
 * .tmp, fsynced, renamed), so recovery takes the highest one and removes the rest.
 */
import path from 'node:path'

const LOG = /^log-(\d{10})\.jsonl$/
const TEMP = /^log-(\d{10})\.jsonl\.tmp$/
const DAMAGED = /^log-(\d{10})\.jsonl\.damaged-[0-9TZ-]+$/

/** Profile ids become folder names: the profile file's own id rule, nothing else. */
export const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/

export type LogFileKind = 'log' | 'temp' | 'damaged'

export function logFileName(generation: number): string {
  return `log-${String(generation).padStart(10, '0')}.jsonl`
}

export function tempFileName(generation: number): string {
  return `${logFileName(generation)}.tmp`
}

/** `<name>.damaged-2026-01-01T10-00-00-000Z` */
export function damagedCopyName(name: string, wallNow: number): string {
  return `${name}.damaged-${new Date(wallNow).toISOString().replace(/[:.]/g, '-')}`
}

export function parseLogFileName(name: string): { kind: LogFileKind; generation: number } | null {
  for (const [kind, pattern] of [
    ['log', LOG],
    ['temp', TEMP],
    ['damaged', DAMAGED],
  ] as const) {
    const match = pattern.exec(name)
    if (match) return { kind, generation: Number(match[1]) }
  }
  return null
}

export function profileQueueDir(queueDir: string, profileId: string): string {
  return path.join(queueDir, profileId)
}
