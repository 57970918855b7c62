/**
 * The retry chart's data, as pure functions: one point per attempt on a wall-time axis, y = the
 * delay before it (scheduled by the backoff, and what really passed), marked by outcome.
 */
import type { AttemptRecord } from '../../../../shared/domain'

export interface DelayPoint {
  /** Wall-clock ms when the attempt started. */
  x: number
  /** Seconds. */
  y: number
}

/** How a point is drawn: colour and shape both say it (never colour alone). */
export type Marker = 'success' | 'failure' | 'probe-failure'

export function markerOf(record: AttemptRecord): Marker {
  if (record.outcome === 'success') return 'success'
  return record.trigger === 'probe' ? 'probe-failure' : 'failure'
}

export interface RetrySeries {
  /** Only scheduled attempts have a delay the backoff asked for. */
  scheduled: DelayPoint[]
  /** Every record; attempts that ran at once (start-up, manual, probes) sit at 0. */
  actual: DelayPoint[]
  markers: Marker[]
  /** The attempt main has scheduled next, at the delay it was given. */
  next: DelayPoint[]
}

const seconds = (ms: number) => Math.round(ms) / 1000

export function retrySeries(attempts: readonly AttemptRecord[], nextAttemptAt: number | null) {
  const scheduled: DelayPoint[] = []
  const actual: DelayPoint[] = []
  const markers: Marker[] = []
  for (const r of attempts) {
    if (r.trigger === 'scheduled') scheduled.push({ x: r.at, y: seconds(r.scheduledDelayMs) })
    actual.push({ x: r.at, y: r.trigger === 'scheduled' ? seconds(r.actualDelayMs) : 0 })
    markers.push(markerOf(r))
  }
  const last = attempts.at(-1)
  const next: DelayPoint[] = []
  if (nextAttemptAt !== null && last && last.outcome === 'failure') {
    // Armed when the last attempt ended.
    const armedAt = last.at + last.durationMs
    next.push({ x: nextAttemptAt, y: seconds(Math.max(0, nextAttemptAt - armedAt)) })
  }
  return { scheduled, actual, markers, next } satisfies RetrySeries
}

/** A step between time ticks (ms) that gives at most `maxTicks` labels over `spanMs`. */
export function timeStep(spanMs: number, maxTicks = 7): number {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200]
  for (const s of steps) if (spanMs / (s * 1000) <= maxTicks) return s * 1000
  return 86_400_000
}

/** The x range, on whole steps so every tick label is a round time, with room on both sides. */
export function timeRange(
  points: readonly DelayPoint[],
  now: number,
): { min: number; max: number; step: number } {
  if (points.length === 0) {
    const step = 10_000
    const max = Math.ceil(now / step) * step
    return { min: max - 60_000, max, step }
  }
  const xs = points.map((p) => p.x)
  const first = Math.min(...xs)
  const last = Math.max(...xs)
  const pad = Math.max(1_000, (last - first) * 0.06)
  const step = timeStep(last - first + 2 * pad)
  return {
    min: Math.floor((first - pad) / step) * step,
    max: Math.ceil((last + pad) / step) * step,
    step,
  }
}
