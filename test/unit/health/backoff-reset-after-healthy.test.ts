import { describe, expect, it } from 'vitest'
import { CheckerHarness, down, up } from './support/checker-harness'

/**
 * The backoff step survives a short recovery (a flapping database waits longer and longer) and
 * starts from the base again once the database was healthy for resetAfterHealthyMs (30 s).
 */
async function failThreeTimesThenRecover(h: CheckerHarness): Promise<void> {
  h.attemptAnswer = down()
  await h.checker.start() // attempt 1 fails: next in 1 s
  await h.clock.advance(1_000) // attempt 2 fails: next in 2 s
  await h.clock.advance(2_000) // attempt 3 fails: next in 4 s
  expect(h.checker.view().backoffStep).toBe(3)
  h.attemptAnswer = up
  await h.clock.advance(4_000)
  expect(h.state).toBe('connected')
}

/** Lets the database fail at the first probe after `healthyMs`; returns the next attempt's delay. */
async function loseAfter(h: CheckerHarness, healthyMs: number): Promise<number> {
  await h.clock.advance(healthyMs - h.settings.probeIntervalMs)
  h.probeAnswer = down('connection-reset')
  h.attemptAnswer = down('connection-refused')
  const before = h.records.length
  await h.clock.advance(h.settings.probeIntervalMs)
  expect(h.state).toBe('connecting')
  const probeFailure = h.records[before]!
  expect(probeFailure.trigger).toBe('probe')
  return probeFailure.nextAttemptAt! - probeFailure.at
}

describe('backoff reset', () => {
  it('starts again from the base delay after 30 s of health', async () => {
    const h = new CheckerHarness()
    await failThreeTimesThenRecover(h)
    expect(await loseAfter(h, 30_000)).toBe(1_000)
    expect(h.checker.view().backoffStep).toBe(1)
  })

  it('keeps growing the delays after a recovery shorter than 30 s', async () => {
    const h = new CheckerHarness()
    await failThreeTimesThenRecover(h)
    expect(await loseAfter(h, 10_000)).toBe(8_000)
    // And again: 16 s after a further short recovery.
    h.attemptAnswer = up
    h.probeAnswer = () => Promise.resolve({ latencyMs: 2, server: null })
    await h.clock.advance(8_000)
    expect(h.state).toBe('connected')
    expect(await loseAfter(h, 4_000)).toBe(16_000)
  })

  it('counts the healthy period from the recovery, not from the start of the session', async () => {
    const h = new CheckerHarness({ settings: { resetAfterHealthyMs: 30_000 } })
    await failThreeTimesThenRecover(h) // the session is 7 s old
    // 24 s of health makes the session 31 s old, but the database was healthy only 24 s.
    expect(await loseAfter(h, 24_000)).toBe(8_000)
  })
})
