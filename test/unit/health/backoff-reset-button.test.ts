import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { CheckerHarness, down } from './support/checker-harness'
import { deferred } from './support/settle-state'

describe('"Reset backoff"', () => {
  it('moves the scheduled attempt to the base delay and restarts the schedule from there', async () => {
    const h = new CheckerHarness()
    h.attemptAnswer = down()
    await h.checker.start()
    await h.clock.advance(1_000 + 2_000 + 4_000 + 8_000) // attempts at 0, 1, 3, 7, 15 s
    expect(h.attemptCalls).toEqual([0, 1_000, 3_000, 7_000, 15_000])
    expect(h.checker.view().backoffStep).toBe(5) // the next attempt would be 16 s away
    await h.clock.advance(5_000)
    h.checker.resetBackoff()
    expect(h.checker.view().nextAttemptAt).toBe(h.clock.wallNow() + 1_000)
    await h.clock.advance(1_000)
    expect(h.attemptCalls.at(-1)).toBe(21_000)
    await h.clock.advance(2_000)
    expect(h.attemptCalls.at(-1)).toBe(23_000)
    expect(h.attemptGaps().slice(-2)).toEqual([6_000, 2_000])
  })

  it('makes the delay after an attempt in flight the base one', async () => {
    const h = new CheckerHarness()
    h.attemptAnswer = down()
    await h.checker.start()
    await h.clock.advance(1_000 + 2_000 + 4_000) // four failures: the next delay would be 16 s
    const inFlight = deferred<never>()
    h.attemptAnswer = () => inFlight.promise
    await h.clock.advance(8_000)
    expect(h.attemptCalls).toHaveLength(5)
    h.checker.resetBackoff()
    inFlight.reject(new LifeguardError('connection-refused', 'refused'))
    await h.clock.advance(0)
    expect(h.records.at(-1)!.nextAttemptAt! - h.records.at(-1)!.at).toBe(1_000)
  })

  it('is refused while the profile is disconnected', () => {
    const h = new CheckerHarness()
    expect(() => h.checker.resetBackoff()).toThrow(/not connected/)
  })
})
