import { describe, expect, it } from 'vitest'
import {
  prometheusText,
  prometheusBucketBoundsMs,
  type PrometheusPoolInput,
  type PrometheusProfileInput,
} from '../../../src/main/engine/metrics/prometheus-text'
import { parseExposition, type ParsedFamily } from './support/prom-parse'
import { disconnectedProfile, profileWithPool } from './support/prometheus-inputs'

type Pick = (p: PrometheusProfileInput) => number | null
const pool =
  (f: (p: PrometheusPoolInput) => number): Pick =>
  (p) =>
    p.pool ? f(p.pool) : null
const levelNumber = { healthy: 0, warning: 1, critical: 2 } as const

/** The families the issue names, with how each value follows from the input (null = absent). */
const scalarFamilies: Record<string, { type: 'GAUGE' | 'COUNTER'; value: Pick }> = {
  lifeguard_pool_active_connections: { type: 'GAUGE', value: pool((p) => p.gauges.active) },
  lifeguard_pool_idle_connections: { type: 'GAUGE', value: pool((p) => p.gauges.idle) },
  lifeguard_pool_total_connections: { type: 'GAUGE', value: pool((p) => p.gauges.total) },
  lifeguard_pool_pending_connections: { type: 'GAUGE', value: pool((p) => p.gauges.waiting) },
  lifeguard_pool_max_connections: { type: 'GAUGE', value: pool((p) => p.gauges.max) },
  lifeguard_pool_min_connections: { type: 'GAUGE', value: pool((p) => p.gauges.min) },
  lifeguard_pool_acquires_total: { type: 'COUNTER', value: pool((p) => p.counters.acquires) },
  lifeguard_pool_timeouts_total: { type: 'COUNTER', value: pool((p) => p.counters.timeouts) },
  lifeguard_pool_leaks_total: { type: 'COUNTER', value: pool((p) => p.counters.leaks) },
  lifeguard_pool_connections_created_total: {
    type: 'COUNTER',
    value: pool((p) => p.counters.creates),
  },
  lifeguard_pool_connection_create_failures_total: {
    type: 'COUNTER',
    value: pool((p) => p.counters.createFailures),
  },
  lifeguard_health_up: { type: 'GAUGE', value: (p) => (p.health.up ? 1 : 0) },
  lifeguard_health_level: {
    type: 'GAUGE',
    value: (p) => (p.health.level === null ? null : levelNumber[p.health.level]),
  },
  lifeguard_health_probe_latency_seconds: {
    type: 'GAUGE',
    value: (p) => (p.health.latencyMs === null ? null : p.health.latencyMs / 1000),
  },
  lifeguard_breaker_open: {
    type: 'GAUGE',
    value: (p) => (p.health.breaker === 'open' || p.health.breaker === 'half-open' ? 1 : 0),
  },
  lifeguard_health_attempts_total: { type: 'COUNTER', value: (p) => p.health.attempts },
}

const histogramFamilies = {
  lifeguard_pool_acquire_wait_seconds: 'acquireWait',
  lifeguard_pool_usage_seconds: 'usage',
  lifeguard_pool_connection_creation_seconds: 'creation',
} as const

const profiles: PrometheusProfileInput[] = [
  profileWithPool('id-a', 'orders primary', 1),
  // the same name as another profile: still its own series, told apart by profile_id
  {
    ...profileWithPool('id-b', 'orders primary', 2),
    health: { up: true, level: 'warning', latencyMs: 12.5, breaker: 'half-open', attempts: 9 },
  },
  {
    ...profileWithPool('id-c', 'reporting', 3),
    health: { up: false, level: 'critical', latencyMs: null, breaker: 'open', attempts: 31 },
  },
  disconnectedProfile('id-d', 'staging'),
]

function samplesOf(family: ParsedFamily, p: PrometheusProfileInput, name = family.name) {
  return family.samples.filter((s) => s.name === name && s.labels.profile_id === p.id)
}

describe('prometheus text: every family', () => {
  const text = prometheusText(profiles)
  const families = parseExposition(text)

  it('has exactly the expected families, each with one HELP and one TYPE line', () => {
    const expected = [
      ...Object.keys(scalarFamilies),
      ...Object.keys(histogramFamilies),
      'lifeguard_pool_connections_removed_total',
    ]
    expect([...families.keys()].sort()).toEqual(expected.sort())
    for (const name of expected) {
      expect(text.match(new RegExp(`^# HELP ${name} `, 'gm'))).toHaveLength(1)
      expect(text.match(new RegExp(`^# TYPE ${name} `, 'gm'))).toHaveLength(1)
      expect(families.get(name)!.help.length).toBeGreaterThan(10)
    }
  })

  it('gives every gauge and counter its value and labels for each profile, or leaves it out', () => {
    for (const [name, spec] of Object.entries(scalarFamilies)) {
      const family = families.get(name)!
      expect(family.type).toBe(spec.type)
      if (spec.type === 'COUNTER') expect(name.endsWith('_total')).toBe(true)
      let present = 0
      for (const p of profiles) {
        const got = samplesOf(family, p)
        const want = spec.value(p)
        if (want === null) {
          expect(got, `${name} ${p.id}`).toEqual([])
          continue
        }
        present++
        expect(got, `${name} ${p.id}`).toHaveLength(1)
        expect(got[0]!.labels).toEqual({ profile: p.name, profile_id: p.id })
        expect(got[0]!.value).toBe(want)
      }
      expect(family.samples).toHaveLength(present)
    }
  })

  it('counts removals by reason', () => {
    const family = families.get('lifeguard_pool_connections_removed_total')!
    expect(family.type).toBe('COUNTER')
    for (const p of profiles) {
      const want = Object.entries(p.pool?.counters.removals ?? {})
      const got = samplesOf(family, p)
      expect(got.map((s) => [s.labels.reason, s.value])).toEqual(want)
      for (const s of got)
        expect(Object.keys(s.labels).sort()).toEqual(['profile', 'profile_id', 'reason'])
    }
  })

  it('writes histograms in seconds: cumulative buckets ending at +Inf = _count, then _sum and _count', () => {
    for (const [name, key] of Object.entries(histogramFamilies)) {
      const family = families.get(name)!
      expect(family.type).toBe('HISTOGRAM')
      for (const p of profiles) {
        const buckets = samplesOf(family, p, `${name}_bucket`)
        const sum = samplesOf(family, p, `${name}_sum`)
        const count = samplesOf(family, p, `${name}_count`)
        if (p.pool === null) {
          expect([buckets, sum, count]).toEqual([[], [], []])
          continue
        }
        const h = p.pool.histograms[key]
        expect(buckets.map((b) => b.labels.le)).toEqual([
          ...prometheusBucketBoundsMs.map((ms) => String(ms / 1000)),
          '+Inf',
        ])
        expect(buckets.map((b) => b.value)).toEqual([...h.counts, h.count])
        for (let i = 1; i < buckets.length; i++) {
          expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value)
        }
        expect(count.map((c) => c.value)).toEqual([h.count])
        expect(buckets.at(-1)!.value).toBe(count[0]!.value)
        expect(sum).toHaveLength(1)
        expect(sum[0]!.value).toBeCloseTo(h.sumMs / 1000, 9)
        for (const s of [...sum, ...count]) {
          expect(s.labels).toEqual({ profile: p.name, profile_id: p.id })
        }
        expect(h.count).toBeGreaterThan(0)
      }
    }
  })

  it('keeps each histogram series in order: buckets, then _sum, then _count', () => {
    const lines = text.split('\n').filter((l) => l.startsWith('lifeguard_pool_usage_seconds'))
    const kinds = lines.map((l) => /^lifeguard_pool_usage_seconds_(bucket|sum|count)/.exec(l)![1])
    const perProfile = prometheusBucketBoundsMs.length + 1
    const one = [...Array<string>(perProfile).fill('bucket'), 'sum', 'count']
    expect(kinds).toEqual([...one, ...one, ...one])
  })
})
