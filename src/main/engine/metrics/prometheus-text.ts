/**
 * Current values of any number of profiles in the Prometheus text format 0.0.4 (issue 8 item 5),
 * named after HikariCP's metrics: gauges, counters with `_total`, and histograms in seconds.
 * Every series carries `profile` (the name) and `profile_id` (unique, so two profiles with the
 * same name stay two series).
 *
 * Histogram buckets come from the pool's log-linear Histogram (histogram.ts) read at the fixed
 * bounds (prometheus-input.ts): a bucket can include values up to 6.25 % above its `le` (exact below 16 µs),
 * which the HELP text says. `_sum` is exact to the microsecond.
 */
import { healthLevels } from '../../../shared/domain'
import { LifeguardError } from '../core/errors'
import type { CumulativeBuckets } from '../pool/engine/histogram'
import {
  renderFamilies,
  type HistogramSample,
  type Labels,
  type MetricFamily,
  type Sample,
} from './prometheus-encoding'
import type {
  PrometheusHealthInput,
  PrometheusPoolInput,
  PrometheusProfileInput,
} from './prometheus-input'
import { queueFamilies } from './prometheus-queue'

export {
  prometheusBucketBoundsMs,
  prometheusHealthFromStatus,
  type PrometheusHealthInput,
  type PrometheusPoolInput,
  type PrometheusProfileInput,
} from './prometheus-input'

const BUCKET_NOTE =
  ' Buckets are read from a log-linear histogram: a bucket may include values up to 6.25 % above its le.'

type Row = { labels: Labels; p: PrometheusProfileInput }
type Pool = PrometheusPoolInput

function gauge(name: string, help: string, rows: Row[], value: (p: Pool) => number): MetricFamily {
  return poolFamily(name, help, 'gauge', rows, value)
}

function counter(
  name: string,
  help: string,
  rows: Row[],
  value: (p: Pool) => number,
): MetricFamily {
  return poolFamily(name, help, 'counter', rows, value)
}

function poolFamily(
  name: string,
  help: string,
  type: 'gauge' | 'counter',
  rows: Row[],
  value: (p: Pool) => number,
): MetricFamily {
  const samples: Sample[] = []
  for (const { labels, p } of rows) if (p.pool) samples.push({ labels, value: value(p.pool) })
  return { name, help, type, samples }
}

function healthFamily(
  name: string,
  help: string,
  type: 'gauge' | 'counter',
  rows: Row[],
  value: (h: PrometheusHealthInput) => number | null,
): MetricFamily {
  const samples: Sample[] = []
  for (const { labels, p } of rows) {
    const v = value(p.health)
    if (v !== null) samples.push({ labels, value: v })
  }
  return { name, help, type, samples }
}

function histogram(
  name: string,
  help: string,
  rows: Row[],
  pick: (h: PrometheusPoolInput['histograms']) => CumulativeBuckets,
): MetricFamily {
  const samples: HistogramSample[] = []
  for (const { labels, p } of rows) {
    if (!p.pool) continue
    const h = pick(p.pool.histograms)
    if (h.counts.length !== h.boundsMs.length) {
      throw new LifeguardError('validation', `prometheus export: ${name}: bounds and counts differ`)
    }
    samples.push({
      labels,
      buckets: h.boundsMs.map((ms, i) => ({ le: ms / 1000, count: h.counts[i]! })),
      sum: h.sumMs / 1000,
      count: h.count,
    })
  }
  return { name, help: help + BUCKET_NOTE, type: 'histogram', samples }
}

function removals(rows: Row[]): MetricFamily {
  const samples: Sample[] = []
  for (const { labels, p } of rows) {
    for (const [reason, value] of Object.entries(p.pool?.counters.removals ?? {})) {
      samples.push({ labels: [...labels, ['reason', reason]], value })
    }
  }
  return {
    name: 'lifeguard_pool_connections_removed_total',
    help: 'Connections removed from the pool, by reason.',
    type: 'counter',
    samples,
  }
}

/** The lifeguard metric families for `profiles`, in a fixed order. */
export function prometheusFamilies(profiles: readonly PrometheusProfileInput[]): MetricFamily[] {
  const ids = new Set<string>()
  for (const p of profiles) {
    if (ids.has(p.id))
      throw new LifeguardError('validation', `prometheus export: profile "${p.id}" given twice`)
    ids.add(p.id)
  }
  const rows: Row[] = profiles.map((p) => ({
    labels: [
      ['profile', p.name],
      ['profile_id', p.id],
    ],
    p,
  }))
  return [
    gauge(
      'lifeguard_pool_active_connections',
      'Connections lent to callers.',
      rows,
      (p) => p.gauges.active,
    ),
    gauge(
      'lifeguard_pool_idle_connections',
      'Open connections not in use.',
      rows,
      (p) => p.gauges.idle,
    ),
    gauge(
      'lifeguard_pool_total_connections',
      'Open connections (active, idle and being checked).',
      rows,
      (p) => p.gauges.total,
    ),
    gauge(
      'lifeguard_pool_pending_connections',
      'Callers waiting for a connection.',
      rows,
      (p) => p.gauges.waiting,
    ),
    gauge(
      'lifeguard_pool_max_connections',
      'Most connections the pool may open.',
      rows,
      (p) => p.gauges.max,
    ),
    gauge(
      'lifeguard_pool_min_connections',
      'Connections the pool keeps open when idle.',
      rows,
      (p) => p.gauges.min,
    ),
    counter(
      'lifeguard_pool_acquires_total',
      'Connections handed to callers.',
      rows,
      (p) => p.counters.acquires,
    ),
    counter(
      'lifeguard_pool_timeouts_total',
      'Acquires that timed out waiting for a connection.',
      rows,
      (p) => p.counters.timeouts,
    ),
    counter(
      'lifeguard_pool_leaks_total',
      'Connections held past the leak threshold.',
      rows,
      (p) => p.counters.leaks,
    ),
    counter(
      'lifeguard_pool_connections_created_total',
      'Connections opened.',
      rows,
      (p) => p.counters.creates,
    ),
    counter(
      'lifeguard_pool_connection_create_failures_total',
      'Attempts to open a connection that failed.',
      rows,
      (p) => p.counters.createFailures,
    ),
    removals(rows),
    histogram(
      'lifeguard_pool_acquire_wait_seconds',
      'Time callers waited for a connection.',
      rows,
      (h) => h.acquireWait,
    ),
    histogram(
      'lifeguard_pool_usage_seconds',
      'Time connections were held by callers.',
      rows,
      (h) => h.usage,
    ),
    histogram(
      'lifeguard_pool_connection_creation_seconds',
      'Time to open a connection.',
      rows,
      (h) => h.creation,
    ),
    healthFamily(
      'lifeguard_health_up',
      '1 while the profile is connected, else 0.',
      'gauge',
      rows,
      (h) => (h.up ? 1 : 0),
    ),
    healthFamily(
      'lifeguard_health_level',
      'Health level: 0 healthy, 1 warning, 2 critical.',
      'gauge',
      rows,
      (h) => (h.level === null ? null : healthLevels.indexOf(h.level)),
    ),
    healthFamily(
      'lifeguard_health_probe_latency_seconds',
      'Round trip of the last successful health probe.',
      'gauge',
      rows,
      (h) => (h.latencyMs === null ? null : h.latencyMs / 1000),
    ),
    healthFamily(
      'lifeguard_breaker_open',
      '1 while the circuit breaker is open or half-open (operations fail fast), else 0.',
      'gauge',
      rows,
      (h) => (h.breaker === null || h.breaker === 'closed' ? 0 : 1),
    ),
    healthFamily(
      'lifeguard_health_attempts_total',
      'Connection attempts made by the health checker.',
      'counter',
      rows,
      (h) => h.attempts,
    ),
    ...queueFamilies(rows.map(({ labels, p }) => ({ labels, queue: p.queue }))),
  ]
}

/** The exposition text (content type PROMETHEUS_CONTENT_TYPE) for `profiles`. */
export function prometheusText(profiles: readonly PrometheusProfileInput[]): string {
  return renderFamilies(prometheusFamilies(profiles))
}
