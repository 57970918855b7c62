/**
 * A latency sparkline's shape as a pure function: the points of the last window mapped onto a
 * canvas, split into segments wherever the line must not be drawn across (a gap in time, or a
 * point that marks the profile as not connected).
 */
export interface SparkPoint {
  at: number
  ms: number | null
}

export interface SparkGeometry {
  /** Canvas coordinates, one list per unbroken stretch. */
  segments: { x: number; y: number }[][]
  /** The top of the scale, ms. */
  scaleMs: number
  /** The highest latency in the window, ms (null without any). */
  peakMs: number | null
}

export const SPARK_WINDOW_MS = 120_000
/** Probes run every 2 s: a pause longer than this is an outage, not a slow probe. */
export const SPARK_GAP_MS = 7_000

export function sparklineGeometry(
  points: readonly SparkPoint[],
  now: number,
  width: number,
  height: number,
  windowMs = SPARK_WINDOW_MS,
  gapMs = SPARK_GAP_MS,
): SparkGeometry {
  const from = now - windowMs
  const shown = points.filter((p) => p.at >= from && p.at <= now)
  let peak: number | null = null
  for (const p of shown) if (p.ms !== null && (peak === null || p.ms > peak)) peak = p.ms
  const scaleMs = Math.max(1, (peak ?? 1) * 1.15)
  const pad = 1.5
  const x = (at: number) => ((at - from) / windowMs) * width
  const y = (ms: number) => height - pad - (Math.min(ms, scaleMs) / scaleMs) * (height - 2 * pad)
  const segments: { x: number; y: number }[][] = []
  let current: { x: number; y: number }[] = []
  let previousAt: number | null = null
  for (const p of shown) {
    const broken = p.ms === null || (previousAt !== null && p.at - previousAt > gapMs)
    if (broken && current.length > 0) {
      segments.push(current)
      current = []
    }
    if (p.ms !== null) current.push({ x: x(p.at), y: y(p.ms) })
    previousAt = p.ms === null ? null : p.at
  }
  if (current.length > 0) segments.push(current)
  return { segments, scaleMs, peakMs: peak }
}
