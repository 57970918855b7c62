import { describe, expect, it } from 'vitest'
import type { AttemptResult } from '../../../src/main/engine/health/health-checker'
import { CheckerHarness, down, up } from './support/checker-harness'
import { deferred, watch } from './support/settle-state'

describe('stop()', () => {
  it('clears every timer, resets the view and ignores work still in flight', async () => {
    const h = new CheckerHarness()
    h.attemptAnswer = down()
    await h.checker.start()
    await h.clock.advance(31_000) // breaker open, attempt scheduled
    expect(h.checker.view().breaker).toBe('open')
    const inFlight = deferred<AttemptResult>()
    h.attemptAnswer = () => inFlight.promise
    await h.clock.advance(32_000) // the attempt at 63 s is in flight
    h.checker.stop()
    expect(h.clock.pendingTimers).toBe(0)
    expect(h.state).toBe('disconnected')
    expect(h.checker.view()).toMatchObject({
      breaker: 'closed',
      level: 'healthy',
      nextAttemptAt: null,
    })
    expect(() => h.checker.guard()).not.toThrow()
    const records = h.records.length
    inFlight.resolve({ serverVersion: '17' })
    await h.clock.advance(600_000)
    expect(h.state).toBe('disconnected')
    expect(h.records).toHaveLength(records)
    expect(h.ups).toEqual([])
    expect(h.clock.pendingTimers).toBe(0)
  })

  it('settles a pending start(), and the checker starts again from attempt 1 with the base delay', async () => {
    const h = new CheckerHarness()
    const hanging = deferred<AttemptResult>()
    h.attemptAnswer = () => hanging.promise
    const started = watch(h.checker.start())
    await h.clock.advance(0)
    h.checker.stop()
    await h.clock.advance(0)
    expect(started.state).toBe('resolved')
    h.attemptAnswer = down()
    await h.checker.start()
    await h.clock.advance(1_000)
    expect(h.records.map((r) => r.attempt)).toEqual([1, 2])
    expect(h.attemptGaps().at(-1)).toBe(1_000)
    h.attemptAnswer = up
    await h.clock.advance(2_000)
    expect(h.state).toBe('connected')
  })
})
