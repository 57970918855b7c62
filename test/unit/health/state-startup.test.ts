import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { nominalDelay } from '../../../src/main/engine/health/backoff'
import type { HealthSettings } from '../../../src/main/engine/health/health-settings'
import { CheckerHarness, down, up } from './support/checker-harness'
import { deferred, watch } from './support/settle-state'

const policyOf = (s: HealthSettings) => ({
  baseMs: s.backoffBaseMs,
  factor: s.backoffFactor,
  capMs: s.backoffCapMs,
  jitter: s.backoffJitter,
})

describe('state machine at start-up', () => {
  it('start() resolves connected after a successful first attempt, then probes', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    expect(h.state).toBe('connected')
    expect(h.states).toEqual(['connecting', 'connected'])
    expect(h.ups).toEqual([0])
    expect(h.records).toMatchObject([{ attempt: 1, trigger: 'startup', outcome: 'success' }])
    await h.clock.advance(6_000)
    expect(h.probeCalls.map((p) => p.at)).toEqual([2_000, 4_000, 6_000])
    expect(h.attemptCalls).toEqual([0])
  })

  it('start() resolves only when the first attempt has an outcome', async () => {
    const h = new CheckerHarness()
    const first = deferred<{ serverVersion: string | null }>()
    h.attemptAnswer = () => first.promise
    const started = watch(h.checker.start())
    await h.clock.advance(5_000)
    expect(started.state).toBe('pending')
    expect(h.state).toBe('connecting')
    first.reject(new LifeguardError('connection-refused', 'refused'))
    await h.clock.advance(0)
    expect(started.state).toBe('resolved')
    expect(h.state).toBe('connecting')
  })

  it('keeps retrying transient errors as connecting, and reports failed exactly at STARTUP_MAX_WAIT', async () => {
    const h = new CheckerHarness()
    h.attemptAnswer = down('connection-refused')
    await h.checker.start()
    await h.clock.advance(h.settings.startupMaxWaitMs - 1)
    expect(h.state).toBe('connecting')
    expect(h.states).toEqual(['connecting'])
    await h.clock.advance(1)
    // Reported failed at exactly STARTUP_MAX_WAIT, not at the next attempt after it.
    expect(h.transitions).toEqual([
      { state: 'connecting', at: 0 },
      { state: 'failed', at: h.settings.startupMaxWaitMs },
    ])
    await h.clock.advance(120_000)
    // With random() = 0.5 the attempts are exactly 1, 2, 4 ... 32 s, then 60 s apart; the one at
    // 603 s is still made (failed keeps retrying) and leaves the state failed.
    let expected = 0
    for (let step = 1; expected < h.settings.startupMaxWaitMs; step++)
      expected += nominalDelay(policyOf(h.settings), step)
    expect(h.attemptCalls).toContain(expected)
    expect(h.transitions.at(-1)).toEqual({ state: 'failed', at: h.settings.startupMaxWaitMs })
    // Failed still retries (at the cap) and recovers.
    const attempts = h.attemptCalls.length
    h.attemptAnswer = up
    await h.clock.advance(60_000)
    expect(h.attemptCalls.length).toBe(attempts + 1)
    expect(h.state).toBe('connected')
  })

  it('takes the start-up wait from the settings (STARTUP_MAX_WAIT)', async () => {
    const h = new CheckerHarness({ settings: { startupMaxWaitMs: 10_000 } })
    h.attemptAnswer = down('server-starting')
    await h.checker.start()
    await h.clock.advance(9_999)
    expect(h.state).toBe('connecting')
    await h.clock.advance(20_000)
    expect(h.transitions.at(-1)).toEqual({ state: 'failed', at: 10_000 })
  })
})
