/**
 * Reconnect delays: base * factor^(step-1), capped, each with +-jitter so that profiles which fail
 * together spread out (reference.md: 1, 2, 4, 8, 16, 32, 60 s, +-20 %).
 *
 * At the cap, a draw above the cap is reflected below it, so capped delays stay spread over
 * [cap * (1 - jitter), cap] instead of piling up on exactly the cap (which would put profiles that
 * have been failing for a while back into lockstep).
 */
export interface BackoffPolicy {
  baseMs: number
  factor: number
  capMs: number
  /** 0.2 = +-20 %. */
  jitter: number
}

/** The delay before attempt `step` (1-based) without jitter. */
export function nominalDelay(policy: BackoffPolicy, step: number): number {
  const n = Math.max(1, Math.floor(step))
  const raw = policy.baseMs * policy.factor ** Math.min(n - 1, 1_000)
  return Math.min(policy.capMs, raw)
}

/** The jittered delay before attempt `step`; `random` returns [0, 1). */
export function jitteredDelay(policy: BackoffPolicy, step: number, random: () => number): number {
  return jittered(policy, nominalDelay(policy, step), random)
}

/** The cap with jitter (permanent errors retry at the cap). */
export function cappedDelay(policy: BackoffPolicy, random: () => number): number {
  return jittered(policy, policy.capMs, random)
}

function jittered(policy: BackoffPolicy, nominal: number, random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1)
  let delay = nominal * (1 + policy.jitter * (2 * r - 1))
  if (delay > policy.capMs) delay = 2 * policy.capMs - delay
  return Math.max(0, Math.round(delay))
}

/** The range a jittered delay for `step` falls in. */
export function delayBounds(policy: BackoffPolicy, step: number): { min: number; max: number } {
  const nominal = nominalDelay(policy, step)
  const low = Math.floor(nominal * (1 - policy.jitter))
  const high = Math.ceil(Math.min(policy.capMs, nominal * (1 + policy.jitter)))
  return { min: low, max: high }
}
