/**
 * The metrics time series as CSV (issue 8 item 5): RFC 4180 (CRLF line ends, a header row, a
 * field holding a comma, a double quote, CR or LF is quoted and its quotes doubled), one row per
 * sample, timestamps in ISO 8601 UTC, numbers as plain JSON numbers, null as an empty field.
 *
 * Formula injection: spreadsheets run a cell that starts with =, +, -, @ (and tab or CR, which
 * some treat the same way) as a formula, so a text field starting with one of them (a profile
 * name such as `=HYPERLINK(...)`) gets a leading ' (OWASP's advice), which spreadsheets show as
 * text. Numeric fields are never changed.
 */
import type { MetricsSeries } from './metrics-sample'

export interface CsvSeriesInput {
  profileId: string
  profileName: string
  series: MetricsSeries
}

export const csvColumns = [
  'timestamp',
  'profile_id',
  'profile',
  'resolution_s',
  'total',
  'active',
  'idle',
  'waiting',
  'max',
  'min',
  'pending_creates',
  'acquires',
  'timeouts',
  'leaks',
  'wait_p50_ms',
  'wait_p95_ms',
  'wait_p99_ms',
  'latency_ms',
  'latency_min_ms',
  'latency_max_ms',
  'level',
  'samples',
] as const

const FORMULA_START = /^[=+\-@\t\r]/

/** RFC 4180 quoting of one field. */
export function csvQuote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field
}

/** A text cell: neutralised if a spreadsheet would read it as a formula, then quoted. */
export function csvText(text: string): string {
  return csvQuote(FORMULA_START.test(text) ? `'${text}` : text)
}

function num(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value)
}

/** CSV text (CRLF, header first) of the points of every given series, profile by profile. */
export function metricsCsv(inputs: readonly CsvSeriesInput[]): string {
  const lines: string[] = [csvColumns.join(',')]
  for (const { profileId, profileName, series } of inputs) {
    const id = csvText(profileId)
    const name = csvText(profileName)
    const resolution = String(series.resolutionMs / 1000)
    for (const p of series.points) {
      const s = p.stats
      lines.push(
        [
          new Date(p.at).toISOString(),
          id,
          name,
          resolution,
          num(s.total),
          num(s.active),
          num(s.idle),
          num(s.waiting),
          num(s.max),
          num(s.min),
          num(s.pendingCreates),
          num(s.acquires),
          num(s.timeouts),
          num(s.leaks),
          num(s.waitP50Ms),
          num(s.waitP95Ms),
          num(s.waitP99Ms),
          num(p.latencyMs),
          num(p.latencyMinMs),
          num(p.latencyMaxMs),
          p.level ?? '',
          num(p.samples),
        ].join(','),
      )
    }
  }
  return `${lines.join('\r\n')}\r\n`
}
