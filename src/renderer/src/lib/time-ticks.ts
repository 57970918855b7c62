/**
 * Round tick positions for a time axis: "11:35, 11:36, 11:37", not wherever 7 even slices of the
 * range happen to fall. The step is the smallest of the usual clock steps that leaves at most
 * `maxTicks` ticks; positions are whole multiples of it in local time (a 30-minute time zone
 * still gets ticks on its own full hours).
 */
const STEPS_MS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
].map((s) => s * 1000)

export function timeTicks(minMs: number, maxMs: number, maxTicks = 6): number[] {
  if (!Number.isFinite(minMs) || !Number.isFinite(maxMs) || maxMs <= minMs) return []
  const span = maxMs - minMs
  const step = STEPS_MS.find((s) => span / s <= maxTicks) ?? STEPS_MS[STEPS_MS.length - 1]!
  const offset = -new Date(minMs).getTimezoneOffset() * 60_000
  const first = Math.ceil((minMs + offset) / step) * step - offset
  const ticks: number[] = []
  for (let t = first; t <= maxMs && ticks.length <= maxTicks; t += step) ticks.push(t)
  return ticks
}
