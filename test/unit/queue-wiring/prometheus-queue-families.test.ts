/**
 * The write queue's figures in the Prometheus export, read back with the independent parser:
 * `lifeguard_queue_*` families with one HELP and TYPE line each, counters named `_total` and
 * only for what only grows, a value per profile that has a queue (the oldest age left out of an
 * empty queue), nothing for a profile without one.
 */
import { describe, expect, it } from 'vitest'
import {
  prometheusText,
  type PrometheusProfileInput,
} from '../../../src/main/engine/metrics/prometheus-text'
import type { PrometheusQueueInput } from '../../../src/main/engine/metrics/prometheus-queue'
import { parseExposition } from '../metrics/support/prom-parse'
import { disconnectedProfile, profileWithPool } from '../metrics/support/prometheus-inputs'

const busy: PrometheusQueueInput = {
  state: 'blocked',
  depth: 42,
  maxQueueSize: 1000,
  oldestAgeMs: 12_500,
  enqueued: 950,
  applied: 900,
  failedAttempts: 7,
  movedAside: 8,
  replayRatePerSecond: 3.5,
  bytesOnDisk: 65_536,
  exactlyOnce: true,
}
const empty: PrometheusQueueInput = {
  ...busy,
  state: 'idle',
  depth: 0,
  oldestAgeMs: null,
  enqueued: 3,
  applied: 3,
  failedAttempts: 0,
  movedAside: 0,
  replayRatePerSecond: 0,
  bytesOnDisk: 400,
  exactlyOnce: false,
}

const profiles: PrometheusProfileInput[] = [
  { ...profileWithPool('id-a', 'orders', 1), queue: busy },
  { ...disconnectedProfile('id-b', 'billing "eu"'), queue: empty },
  profileWithPool('id-c', 'no queue', 2),
]

const expected: Record<string, { type: string; a: number; b: number | null }> = {
  lifeguard_queue_depth: { type: 'GAUGE', a: 42, b: 0 },
  lifeguard_queue_max_size: { type: 'GAUGE', a: 1000, b: 1000 },
  lifeguard_queue_oldest_age_seconds: { type: 'GAUGE', a: 12.5, b: null },
  lifeguard_queue_enqueued_total: { type: 'COUNTER', a: 950, b: 3 },
  lifeguard_queue_applied_total: { type: 'COUNTER', a: 900, b: 3 },
  lifeguard_queue_failed_attempts_total: { type: 'COUNTER', a: 7, b: 0 },
  lifeguard_queue_moved_aside_operations: { type: 'GAUGE', a: 8, b: 0 },
  lifeguard_queue_replay_operations_per_second: { type: 'GAUGE', a: 3.5, b: 0 },
  lifeguard_queue_disk_bytes: { type: 'GAUGE', a: 65_536, b: 400 },
  lifeguard_queue_stopped: { type: 'GAUGE', a: 1, b: 0 },
  lifeguard_queue_exactly_once: { type: 'GAUGE', a: 1, b: 0 },
}

describe('prometheus text: the write queue families', () => {
  const text = prometheusText(profiles)
  const families = parseExposition(text)

  it('has each lifeguard_queue_* family once, with its values per profile', () => {
    const queueFamilies = [...families.keys()].filter((n) => n.startsWith('lifeguard_queue_'))
    expect(queueFamilies.sort()).toEqual(Object.keys(expected).sort())
    for (const [name, want] of Object.entries(expected)) {
      const family = families.get(name)!
      expect(family.type, name).toBe(want.type)
      expect(text.match(new RegExp(`^# HELP ${name} `, 'gm'))).toHaveLength(1)
      if (want.type === 'COUNTER') expect(name.endsWith('_total')).toBe(true)
      const of = (id: string) => family.samples.filter((s) => s.labels.profile_id === id)
      expect(
        of('id-a').map((s) => s.value),
        name,
      ).toEqual([want.a])
      expect(
        of('id-b').map((s) => s.value),
        name,
      ).toEqual(want.b === null ? [] : [want.b])
      expect(of('id-c'), name).toEqual([])
      for (const s of family.samples)
        expect(Object.keys(s.labels).sort()).toEqual(['profile', 'profile_id'])
    }
    expect(
      families.get('lifeguard_queue_depth')!.samples.find((s) => s.labels.profile_id === 'id-b')!
        .labels.profile,
    ).toBe('billing "eu"')
  })

  it('leaves every queue family out when no profile has a queue', () => {
    const without = prometheusText([profileWithPool('id-c', 'no queue', 2)])
    expect(without).not.toContain('lifeguard_queue_')
  })
})
