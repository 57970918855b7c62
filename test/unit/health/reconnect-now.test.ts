import { describe, expect, it } from 'vitest'
import { CheckerHarness, down, up } from './support/checker-harness'

describe('"Reconnect now"', () => {
  it('runs the attempt at once and drops the scheduled one', async () => {
    const h = new CheckerHarness()
    h.attemptAnswer = down()
    await h.checker.start()
    await h.clock.advance(1_000 + 2_000) // attempts at 0, 1, 3 s; the next would be at 7 s
    await h.clock.advance(1_500)
    h.attemptAnswer = up
    h.checker.reconnectNow()
    await h.clock.advance(0)
    expect(h.attemptCalls).toEqual([0, 1_000, 3_000, 4_500])
    expect(h.records.at(-1)).toMatchObject({ trigger: 'manual', outcome: 'success' })
    expect(h.state).toBe('connected')
    await h.clock.advance(10_000)
    expect(h.attemptCalls).toHaveLength(4) // the attempt planned for 7 s never ran
  })

  it('probes at once while connected, and is refused while disconnected', async () => {
    const h = new CheckerHarness()
    expect(() => h.checker.reconnectNow()).toThrow(/not connected/)
    await h.checker.start()
    await h.clock.advance(700)
    h.checker.reconnectNow()
    await h.clock.advance(0)
    expect(h.probeCalls.map((p) => p.at)).toEqual([700])
    await h.clock.advance(2_000)
    expect(h.probeCalls.map((p) => p.at)).toEqual([700, 2_700]) // the interval restarts from it
    expect(h.attemptCalls).toEqual([0])
  })
})
