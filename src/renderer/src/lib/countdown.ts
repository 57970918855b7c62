/** Countdowns and durations as people read them (a countdown never says "now" before it is due). */

/** Whole seconds left, rounded up: 0.2 s left still reads "1 s". */
export function secondsLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000))
}

/** "45 s", "2 min 05 s", "1 h 03 min". */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total))
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`
}

/** Under a "Next attempt" heading: "in 12 s", "due now" or "none scheduled". */
export function countdownText(at: number | null, now: number): string {
  if (at === null) return 'none scheduled'
  const left = secondsLeft(at, now)
  return left === 0 ? 'due now' : `in ${formatSeconds(left)}`
}

/** The line on a profile that is not connected: "Next attempt in 12 s". */
export function nextAttemptText(at: number | null, now: number): string {
  return at === null ? 'No attempt scheduled' : `Next attempt ${countdownText(at, now)}`
}

/** A delay or duration: "850 ms", "1.02 s", "12.3 s", "1 min 02 s". */
export function formatDuration(ms: number): string {
  const v = Math.max(0, ms)
  if (v < 1000) return `${Math.round(v)} ms`
  if (v < 10_000) return `${(v / 1000).toFixed(2)} s`
  if (v < 60_000) return `${(v / 1000).toFixed(1)} s`
  return formatSeconds(v / 1000)
}

/** "for 42 s", from a wall-clock start. */
export function formatElapsed(since: number, now: number): string {
  return formatSeconds(Math.max(0, Math.floor((now - since) / 1000)))
}

/** Local wall time with milliseconds, for the timeline table: 14:03:07.215. */
export function clockTime(ms: number, withMs = false): string {
  const d = new Date(ms)
  const two = (n: number) => String(n).padStart(2, '0')
  const base = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
  return withMs ? `${base}.${String(d.getMilliseconds()).padStart(3, '0')}` : base
}
