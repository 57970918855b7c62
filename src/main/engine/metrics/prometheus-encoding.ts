/**
 * The rules of the Prometheus text exposition format, version 0.0.4: metric and label names,
 * escaping, number formatting, one `# HELP` and one `# TYPE` line per family, a family's samples
 * together, histograms as cumulative `_bucket{le=...}` ending with `le="+Inf"`, then `_sum` and
 * `_count`. Knows nothing of Lifeguard (prometheus-text.ts builds the families).
 */
import { LifeguardError } from '../core/errors'

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

export type MetricType = 'gauge' | 'counter' | 'histogram'

export type Labels = ReadonlyArray<readonly [name: string, value: string]>

export interface Sample {
  labels: Labels
  value: number
}

export interface HistogramSample {
  labels: Labels
  /** Upper bounds (finite, ascending) and the cumulative count at each. */
  buckets: ReadonlyArray<{ le: number; count: number }>
  sum: number
  count: number
}

export type MetricFamily =
  | { name: string; help: string; type: 'gauge' | 'counter'; samples: readonly Sample[] }
  | { name: string; help: string; type: 'histogram'; samples: readonly HistogramSample[] }

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function isValidMetricName(name: string): boolean {
  return METRIC_NAME.test(name)
}

/** Label names starting with `__` are reserved for Prometheus itself. */
export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name) && !name.startsWith('__')
}

/** Lone UTF-16 surrogates cannot be written as UTF-8: they become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD')
}

/** Label values: backslash, double quote and line feed are escaped; all else is literal UTF-8. */
export function escapeLabelValue(value: string): string {
  return wellFormed(value).replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))
}

/** HELP text: backslash and line feed are escaped. */
export function escapeHelp(text: string): string {
  return wellFormed(text).replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'))
}

/** Sample values (and `le`): Go float syntax, with NaN, +Inf and -Inf spelled as the format wants. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value) // shortest round-trip form: 0.25, 1e-7, 1.5e+21 all parse as Go floats
}

function invalid(message: string): LifeguardError {
  return new LifeguardError('validation', `prometheus export: ${message}`)
}

function labelText(labels: Labels, extra?: readonly [string, string]): string {
  const all = extra === undefined ? labels : [...labels, extra]
  if (all.length === 0) return ''
  const seen = new Set<string>()
  const parts: string[] = []
  for (const [name, value] of all) {
    if (!isValidLabelName(name)) throw invalid(`invalid label name "${name}"`)
    if (seen.has(name)) throw invalid(`label "${name}" given twice`)
    seen.add(name)
    parts.push(`${name}="${escapeLabelValue(value)}"`)
  }
  return `{${parts.join(',')}}`
}

function checkHistogram(name: string, h: HistogramSample): void {
  let le = -Infinity
  let count = 0
  for (const b of h.buckets) {
    if (!Number.isFinite(b.le) || b.le <= le)
      throw invalid(`${name}: le bounds must be finite and ascending`)
    if (!(b.count >= count)) throw invalid(`${name}: bucket counts must be cumulative`)
    le = b.le
    count = b.count
  }
  if (!(h.count >= count)) throw invalid(`${name}: _count is below a bucket count`)
}

function sampleLines(family: MetricFamily, out: string[], seen: Set<string>): void {
  const line = (name: string, labels: string, value: number) => {
    const series = `${name}${labels}`
    if (seen.has(series)) throw invalid(`duplicate series ${series}`)
    seen.add(series)
    out.push(`${series} ${formatValue(value)}`)
  }
  if (family.type !== 'histogram') {
    for (const s of family.samples) line(family.name, labelText(s.labels), s.value)
    return
  }
  for (const h of family.samples) {
    checkHistogram(family.name, h)
    for (const b of h.buckets) {
      line(`${family.name}_bucket`, labelText(h.labels, ['le', formatValue(b.le)]), b.count)
    }
    line(`${family.name}_bucket`, labelText(h.labels, ['le', '+Inf']), h.count)
    line(`${family.name}_sum`, labelText(h.labels), h.sum)
    line(`${family.name}_count`, labelText(h.labels), h.count)
  }
}

/** The exposition text of `families`, in the given order; families without samples are left out. */
export function renderFamilies(families: readonly MetricFamily[]): string {
  const out: string[] = []
  const names = new Set<string>()
  const series = new Set<string>()
  for (const family of families) {
    if (!isValidMetricName(family.name)) throw invalid(`invalid metric name "${family.name}"`)
    const produced =
      family.type === 'histogram'
        ? ['_bucket', '_sum', '_count'].map((suffix) => family.name + suffix)
        : [family.name]
    for (const name of [family.name, ...produced]) {
      if (names.has(name)) throw invalid(`metric name "${name}" used by two families`)
    }
    for (const name of [family.name, ...produced]) names.add(name)
    if (family.samples.length === 0) continue
    out.push(`# HELP ${family.name} ${escapeHelp(family.help)}`)
    out.push(`# TYPE ${family.name} ${family.type}`)
    sampleLines(family, out, series)
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`
}
