/** The history sink dialog's pure parts: the interval as typed, and what its status says. */
import type { HistorySinkStatus } from '../../../../shared/queue'

export const INTERVAL_MIN_S = 1
export const INTERVAL_MAX_S = 86_400

export type ParsedInterval = { ok: true; ms: number } | { ok: false; message: string }

/** Seconds as typed (a whole number, 1 s .. 1 day) to milliseconds. */
export function parseIntervalSeconds(text: string): ParsedInterval {
  const trimmed = text.trim()
  const n = Number(trimmed)
  if (trimmed === '' || !Number.isInteger(n) || n < INTERVAL_MIN_S || n > INTERVAL_MAX_S)
    return {
      ok: false,
      message: `The interval is a whole number of seconds from ${INTERVAL_MIN_S} to ${INTERVAL_MAX_S}`,
    }
  return { ok: true, ms: n * 1000 }
}

/** One line for the header button's title and the dialog's state. */
export function sinkSummary(
  status: HistorySinkStatus | null,
  sinkName: string | undefined,
): string {
  if (!status || status.profileId === null) return 'off: no history profile chosen'
  const name = sinkName ?? status.profileId
  if (!status.tablesReady) return `“${name}”: waiting for its tables (create them to start)`
  return `“${name}”: a snapshot every ${status.intervalMs / 1000} s, ${status.snapshotsTaken} queued this run`
}
