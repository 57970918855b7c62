import { describe, expect, it } from 'vitest'
import {
  cappedDelay,
  delayBounds,
  jitteredDelay,
  nominalDelay,
  type BackoffPolicy,
} from '../../../src/main/engine/health/backoff'
import { healthDefaults } from '../../../src/main/engine/health/health-settings'
import { mulberry32 } from './support/mulberry32'

const policy: BackoffPolicy = {
  baseMs: healthDefaults.backoffBaseMs,
  factor: healthDefaults.backoffFactor,
  capMs: healthDefaults.backoffCapMs,
  jitter: healthDefaults.backoffJitter,
}
/** reference.md, "Retry and health": 1, 2, 4, 8, 16, 32, 60 s, then the cap again. */
const reference = [1, 2, 4, 8, 16, 32, 60, 60].map((s) => s * 1000)

describe('backoff delays (backoff.ts)', () => {
  it('follows the reference schedule nominally and exactly at random() = 0.5', () => {
    const steps = reference.map((_, i) => i + 1)
    expect(steps.map((n) => nominalDelay(policy, n))).toEqual(reference)
    expect(steps.map((n) => jitteredDelay(policy, n, () => 0.5))).toEqual(reference)
  })

  it('keeps every draw within +-20 % below the cap and within [48, 60] s at the cap', () => {
    const random = mulberry32(7)
    const outside: string[] = []
    for (let step = 1; step <= 12; step++) {
      const nominal = nominalDelay(policy, step)
      const low = Math.floor(nominal * 0.8)
      const high = Math.ceil(Math.min(nominal * 1.2, policy.capMs))
      const { min, max } = delayBounds(policy, step)
      for (let draw = 0; draw < 200; draw++) {
        const d = jitteredDelay(policy, step, random)
        if (d < low || d > high || d < min || d > max) outside.push(`step ${step}: ${d} ms`)
      }
    }
    expect(outside).toEqual([])
    expect(delayBounds(policy, 7)).toEqual({ min: 48_000, max: 60_000 })
    expect(delayBounds(policy, 1)).toEqual({ min: 800, max: 1_200 })
  })

  it('reaches both ends of the jitter range and reflects draws above the cap below it', () => {
    expect(jitteredDelay(policy, 1, () => 0)).toBe(800)
    expect(jitteredDelay(policy, 1, () => 0.999_999)).toBe(1_200)
    // At the cap, r = 1 would give 72 s: it is reflected to 48 s, r = 0 gives 48 s as well.
    expect(cappedDelay(policy, () => 0.999_999)).toBe(48_000)
    expect(cappedDelay(policy, () => 0)).toBe(48_000)
    expect(cappedDelay(policy, () => 0.75)).toBe(54_000)
    expect(cappedDelay(policy, () => 0.25)).toBe(54_000)
    // Out-of-range randoms are clamped rather than trusted.
    expect(jitteredDelay(policy, 1, () => -3)).toBe(800)
    expect(jitteredDelay(policy, 1, () => 7)).toBe(1_200)
  })

  it('spreads capped delays over the whole of [48, 60] s instead of piling them on the cap', () => {
    const random = mulberry32(11)
    const draws = Array.from({ length: 400 }, () => cappedDelay(policy, random))
    const atCap = draws.filter((d) => d === policy.capMs).length
    // Uniform over [48 000, 60 000] ms: any one value has probability about 1/12 000.
    expect(atCap).toBeLessThanOrEqual(2)
    const lowerHalf = draws.filter((d) => d < 54_000).length
    // Binomial(400, 1/2): 200 +- 10; outside [140, 260] is more than 6 sigma away.
    expect(lowerHalf).toBeGreaterThan(140)
    expect(lowerHalf).toBeLessThan(260)
  })

  it('takes base, factor and cap from the policy', () => {
    const other: BackoffPolicy = { baseMs: 250, factor: 3, capMs: 5_000, jitter: 0 }
    expect([1, 2, 3, 4, 5].map((n) => nominalDelay(other, n))).toEqual([
      250, 750, 2_250, 5_000, 5_000,
    ])
    expect(jitteredDelay(other, 3, () => 0.9)).toBe(2_250)
    const flat: BackoffPolicy = { baseMs: 400, factor: 1, capMs: 400, jitter: 0.5 }
    expect(jitteredDelay(flat, 9, () => 0)).toBe(200)
  })

  it('stays at the cap for huge step numbers instead of overflowing', () => {
    expect(nominalDelay(policy, 5_000)).toBe(policy.capMs)
    expect(nominalDelay({ ...policy, factor: 10 }, 1e9)).toBe(policy.capMs)
    expect(nominalDelay(policy, 0)).toBe(policy.baseMs)
  })
})
