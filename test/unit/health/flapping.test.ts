import { describe, expect, it } from 'vitest'
import type { Clock } from '../../../src/main/engine/core/clock'
import type { HealthSettings } from '../../../src/main/engine/health/health-settings'
import { FakeClock } from '../../helpers/fake-clock'
import { CheckerHarness, down, fastProbe, up } from './support/checker-harness'
import { mulberry32 } from './support/mulberry32'

/**
 * A database that answers for 300 ms, refuses for 300 ms, and so on, for 20 s of fake time.
 *
 * Bound on state changes: every failure (a failed attempt or probe) raises the backoff step, and
 * the step never goes back within 20 s because it is reset only after resetAfterHealthyMs (30 s)
 * of health. After the i-th failure the next attempt waits at least base * 0.8 * 2^(i-1), so the
 * i-th failure cannot come before base * 0.8 * (2^(i-1) - 1). Within 20 s that allows
 * F <= 1 + floor(log2(20 000 / (0.8 * base) + 1)) failures. Attempts are started by start() or
 * by a failure, so at most F + 1 succeed. A state change happens at start(), or at a failure, or
 * at a success: at most 1 + F + (F + 1) = 2F + 2 changes.
 * With base 1 s that is F <= 5, 12 changes; with base 100 ms, F <= 8, 18 changes. Were the step
 * reset at each recovery, the fast run would fail every few hundred ms (dozens of changes).
 */
function maxFailures(baseMs: number, windowMs: number): number {
  return 1 + Math.floor(Math.log2(windowMs / (0.8 * baseMs) + 1))
}

async function flap(settings: Partial<HealthSettings>, seed: number) {
  const clock = new FakeClock()
  let maxPending = 0
  // Reads the number of pending timers each time the checker arms one.
  const watching: Clock = {
    now: clock.now,
    wallNow: clock.wallNow,
    clearTimeout: clock.clearTimeout,
    setTimeout: (callback, ms) => {
      const handle = clock.setTimeout(callback, ms)
      maxPending = Math.max(maxPending, clock.pendingTimers)
      return handle
    },
  }
  const h = new CheckerHarness({ settings, random: mulberry32(seed), clock, timerClock: watching })
  const answering = () => Math.floor(clock.now() / 300) % 2 === 0
  h.attemptAnswer = () => (answering() ? up() : down('connection-refused')())
  h.probeAnswer = () => (answering() ? fastProbe()() : down('connection-reset')())
  await h.checker.start()
  await clock.advance(20_000)
  const failures = h.records.filter((r) => r.outcome === 'failure').length
  const changes = h.transitions.length
  const step = h.checker.view().backoffStep
  h.checker.stop()
  return { h, failures, changes, maxPending, step }
}

describe('a flapping database', () => {
  for (const [name, settings] of [
    ['default settings', {}],
    ['probes and backoff base at 100 ms', { probeIntervalMs: 100, backoffBaseMs: 100 }],
  ] as const) {
    it(`bounds state changes and timers with ${name}`, async () => {
      for (const seed of [1, 2, 3]) {
        const { h, failures, changes, maxPending, step } = await flap(settings, seed)
        const f = maxFailures(h.settings.backoffBaseMs, 20_000)
        expect(failures, `seed ${seed}`).toBeGreaterThan(1) // it did flap
        expect(failures, `seed ${seed}`).toBeLessThanOrEqual(f)
        expect(changes, `seed ${seed}`).toBeLessThanOrEqual(2 * f + 2)
        expect(step, `seed ${seed}: the step was never reset`).toBe(failures)
        // One attempt or probe timer, plus the breaker timer: never more.
        expect(maxPending, `seed ${seed}`).toBeLessThanOrEqual(2)
        expect(h.clock.pendingTimers).toBe(0)
        const calls = h.attemptCalls.length + h.probeCalls.length
        await h.clock.advance(600_000)
        expect(h.attemptCalls.length + h.probeCalls.length).toBe(calls)
        expect(h.state).toBe('disconnected')
      }
    })
  }
})
