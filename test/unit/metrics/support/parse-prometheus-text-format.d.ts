/** Types for the untyped test-only parser (parse-prometheus-text-format 1.1.1, a port of the
 * official Python client's parser). Values stay strings as written ("NaN", "+Inf", "0.25"). */
declare module 'parse-prometheus-text-format' {
  export interface ParsedMetric {
    labels?: Record<string, string>
    value?: string
    buckets?: Record<string, string>
    count?: string
    sum?: string
  }
  export interface ParsedFamily {
    name: string
    help: string
    /** Upper case: GAUGE, COUNTER, HISTOGRAM, SUMMARY, UNTYPED. */
    type: string
    metrics: ParsedMetric[]
  }
  export default function parsePrometheusTextFormat(text: string): ParsedFamily[]
}
