import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { ServiceUnavailableError } from '../../../src/main/engine/health/circuit-breaker'
import type { AttemptResult } from '../../../src/main/engine/health/health-checker'
import { CheckerHarness, down, up } from './support/checker-harness'
import { deferred } from './support/settle-state'

function guardError(h: CheckerHarness): ServiceUnavailableError | undefined {
  try {
    h.checker.guard()
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceUnavailableError)
    return error as ServiceUnavailableError
  }
}

describe('circuit breaker of a checker', () => {
  it('opens exactly 30 s after the first failure, goes half-open for the trial, and closes on success', async () => {
    const h = new CheckerHarness() // attempts at 0, 1, 3, 7, 15, 31, 63 s
    h.attemptAnswer = down()
    await h.checker.start()
    await h.clock.advance(h.settings.unavailableAfterMs - 1)
    expect(guardError(h)).toBeUndefined()
    expect(h.checker.view().breaker).toBe('closed')

    await h.clock.advance(1)
    expect(h.checker.view().breaker).toBe('open')
    expect(h.breakerOpens.map((o) => o.at)).toEqual([30_000])
    expect(h.breakerOpens[0]!.error.retryAfterMs).toBe(1_000)
    const open = guardError(h)!
    expect(open.code).toBe('service-unavailable')
    expect(open.retryAfterMs).toBe(1_000) // the attempt at 31 s
    expect(open.message).toMatch(/unreachable for 30 s/)
    await h.clock.advance(600)
    expect(guardError(h)!.retryAfterMs).toBe(400)

    const trial = deferred<AttemptResult>()
    h.attemptAnswer = () => trial.promise
    await h.clock.advance(400)
    expect(h.attemptCalls.at(-1)).toBe(31_000)
    expect(h.checker.view().breaker).toBe('half-open')
    expect(guardError(h)!.retryAfterMs).toBeLessThanOrEqual(60_000)

    trial.reject(new LifeguardError('connection-refused', 'refused'))
    await h.clock.advance(0)
    expect(h.checker.view().breaker).toBe('open')
    expect(guardError(h)!.retryAfterMs).toBe(32_000) // the attempt at 63 s

    h.attemptAnswer = up
    await h.clock.advance(32_000)
    expect(h.checker.view().breaker).toBe('closed')
    expect(guardError(h)).toBeUndefined()
    expect(h.breakerOpens).toHaveLength(1)
    const seen = h.views.map((v) => v.breaker).filter((b, i, all) => b !== all[i - 1])
    expect(seen).toEqual(['closed', 'open', 'half-open', 'open', 'half-open', 'closed'])
  })

  it('calls onBreakerOpen once however many trials fail, with retry-after never over 60 s', async () => {
    const h = new CheckerHarness({ settings: { backoffCapMs: 120_000 } })
    h.attemptAnswer = down()
    await h.checker.start()
    let farAway = 0
    for (let t = 0; t < 900_000; t += 5_000) {
      await h.clock.advance(5_000)
      if (h.clock.now() < 30_000) continue
      const hint = guardError(h)!.retryAfterMs
      const next = h.checker.view().nextAttemptAt! - h.clock.wallNow()
      expect(hint).toBe(Math.min(next, 60_000))
      if (next > 60_000) farAway++
    }
    expect(h.attemptCalls.length).toBeGreaterThan(10)
    expect(h.breakerOpens).toHaveLength(1)
    // With a 120 s cap the next attempt was often more than 60 s away; the hint said 60 s then.
    expect(farAway).toBeGreaterThan(0)
  })

  it('does not open for an outage shorter than 30 s, and counts again from the next first failure', async () => {
    const h = new CheckerHarness()
    h.attemptAnswer = down()
    await h.checker.start()
    await h.clock.advance(7_000) // attempts at 1, 3, 7 s fail
    h.attemptAnswer = up
    await h.clock.advance(8_000) // the attempt at 15 s succeeds
    await h.clock.advance(60_000)
    expect(h.state).toBe('connected')
    expect(h.breakerOpens).toEqual([])
    h.probeAnswer = down('connection-reset')
    h.attemptAnswer = down()
    await h.clock.advance(2_000) // the probe at 77 s fails: unreachable since 77 s
    await h.clock.advance(29_999)
    expect(h.breakerOpens).toEqual([])
    await h.clock.advance(1)
    expect(h.breakerOpens.map((o) => o.at)).toEqual([107_000])
  })
})
