/**
 * One rule for a duration shown to the DBA, used by main's messages (alert and event texts) and by
 * the renderer's figures, so a sentence and the figure next to it never disagree ("for 3 s" beside
 * "held 3.6 s"). Elapsed times are truncated, never rounded up: 59.96 s is "59 s", not "60 s".
 *
 *   below 1 s        "850 ms"
 *   below 10 s       "3.6 s"        (tenths)
 *   below 1 min      "45 s"
 *   below 1 h        "2 min 05 s"
 *   from 1 h         "1 h 03 min"
 */
export function durationText(ms: number): string {
  const v = Number.isFinite(ms) ? Math.max(0, ms) : 0
  if (v < 1000) return `${Math.floor(v)} ms`
  if (v < 10_000) return `${(Math.floor(v / 100) / 10).toFixed(1)} s`
  const s = Math.floor(v / 1000)
  if (s < 60) return `${s} s`
  const two = (n: number) => String(n).padStart(2, '0')
  if (s < 3600) return `${Math.floor(s / 60)} min ${two(s % 60)} s`
  return `${Math.floor(s / 3600)} h ${two(Math.floor((s % 3600) / 60))} min`
}
