/**
 * Reads exposition text back with an independent parser (parse-prometheus-text-format), so the
 * tests never check our writer with our own reading of the format.
 *
 * That parser reads sample lines (names, label escaping, values) correctly but merges the series
 * of a histogram that has labels other than `le` into one, losing the labels and `_sum`/`_count`
 * (its open issue yunyu/parse-prometheus-text-format#13). So the text is parsed twice: as written,
 * for every family's HELP and TYPE and the gauge and counter samples; and with each
 * `# TYPE <name> histogram` line changed to `untyped`, for the `_bucket`, `_sum` and `_count`
 * samples with their labels intact. Only those TYPE comment lines are changed.
 */
import parsePrometheusTextFormat from 'parse-prometheus-text-format'

export interface ParsedSample {
  /** Full sample name, e.g. lifeguard_pool_acquire_wait_seconds_bucket. */
  name: string
  labels: Record<string, string>
  /** As written. */
  raw: string
  value: number
}

export interface ParsedFamily {
  name: string
  help: string
  type: string
  samples: ParsedSample[]
}

/** Go's float syntax as the format uses it. */
export function goFloat(raw: string): number {
  if (raw === '+Inf') return Infinity
  if (raw === '-Inf') return -Infinity
  if (raw === 'NaN') return NaN
  const n = Number(raw)
  if (raw.trim() === '' || Number.isNaN(n)) throw new Error(`not a float: ${raw}`)
  return n
}

export function parseExposition(text: string): Map<string, ParsedFamily> {
  const asWritten = parsePrometheusTextFormat(text)
  const flattened = parsePrometheusTextFormat(
    text.replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped'),
  )
  // Flattened, a histogram's `_bucket`, `_sum` and `_count` lines of each series show up as
  // separate runs with the same name: gather the runs per name, in order.
  const bySampleName = new Map<string, ParsedSample[]>()
  for (const f of flattened) {
    const list = bySampleName.get(f.name) ?? []
    for (const m of f.metrics) {
      list.push({
        name: f.name,
        labels: m.labels ?? {},
        raw: m.value ?? '',
        value: goFloat(m.value ?? ''),
      })
    }
    bySampleName.set(f.name, list)
  }
  const families = new Map<string, ParsedFamily>()
  for (const f of asWritten) {
    if (families.has(f.name)) throw new Error(`family ${f.name} appears twice`)
    const names =
      f.type === 'HISTOGRAM' ? ['_bucket', '_sum', '_count'].map((s) => f.name + s) : [f.name]
    families.set(f.name, {
      name: f.name,
      help: f.help,
      type: f.type,
      samples: names.flatMap((n) => bySampleName.get(n) ?? []),
    })
  }
  return families
}
