import { Histogram } from '../../../../src/main/engine/pool/engine/histogram'
import {
  prometheusBucketBoundsMs,
  type PrometheusProfileInput,
} from '../../../../src/main/engine/metrics/prometheus-text'
import { mulberry32 } from '../../health/support/mulberry32'

/** A profile with a pool whose numbers all differ (derived from `seed`) and real histograms. */
export function profileWithPool(id: string, name: string, seed: number): PrometheusProfileInput {
  const random = mulberry32(seed)
  const histogram = (scaleMs: number) => {
    const h = new Histogram()
    const n = 50 + Math.floor(random() * 200)
    for (let i = 0; i < n; i++) h.record(random() * random() * scaleMs)
    return h.cumulative(prometheusBucketBoundsMs)
  }
  const int = (max: number) => Math.floor(random() * max)
  return {
    id,
    name,
    pool: {
      gauges: {
        total: 3 + int(5),
        active: int(3),
        idle: int(4),
        waiting: int(9),
        max: 10 + int(20),
        min: int(3),
      },
      counters: {
        acquires: 1000 + int(100_000),
        timeouts: int(50),
        leaks: int(5),
        creates: 10 + int(90),
        createFailures: int(7),
        removals: { 'idle-timeout': int(30), broken: int(3) },
      },
      histograms: {
        acquireWait: histogram(40),
        usage: histogram(4000),
        creation: histogram(60_000),
      },
    },
    health: {
      up: true,
      level: (['healthy', 'warning', 'critical'] as const)[int(3)]!,
      latencyMs: 0.5 + int(2000) / 1000,
      breaker: 'closed',
      attempts: 1 + int(20),
    },
  }
}

/** A profile with no pool and no health (disconnected). */
export function disconnectedProfile(id: string, name: string): PrometheusProfileInput {
  return {
    id,
    name,
    pool: null,
    health: { up: false, level: null, latencyMs: null, breaker: null, attempts: 4 },
  }
}
