import { describe, expect, it } from 'vitest'
import { CheckerHarness, down, fastProbe, up } from './support/checker-harness'

async function connected(h: CheckerHarness): Promise<void> {
  await h.checker.start()
  expect(h.state).toBe('connected')
}

describe('state machine when a connected database is lost', () => {
  it('goes connecting on the first failed probe, failed on the second failure, connected on recovery', async () => {
    const h = new CheckerHarness()
    await connected(h)
    h.probeAnswer = down('connection-reset')
    h.attemptAnswer = down('connection-refused')
    await h.clock.advance(2_000) // the probe at 2 s fails
    expect(h.state).toBe('connecting')
    expect(h.downs).toEqual([2_000])
    expect(h.checker.view().consecutiveFailures).toBe(1)
    await h.clock.advance(1_000) // the attempt at 3 s fails: second failure in a row
    expect(h.state).toBe('failed')
    expect(h.checker.view().consecutiveFailures).toBe(2)
    h.attemptAnswer = up
    h.probeAnswer = fastProbe()
    await h.clock.advance(2_000) // the attempt at 5 s succeeds
    expect(h.transitions).toEqual([
      { state: 'connecting', at: 0 },
      { state: 'connected', at: 0 },
      { state: 'connecting', at: 2_000 },
      { state: 'failed', at: 3_000 },
      { state: 'connected', at: 5_000 },
    ])
    expect(h.ups).toEqual([0, 5_000])
    expect(h.checker.view()).toMatchObject({ consecutiveFailures: 0, errorClass: null })
    await h.clock.advance(2_000)
    expect(h.probeCalls.at(-1)!.at).toBe(7_000)
  })

  it('waits for failuresBeforeFailed failures in a row before failed', async () => {
    const h = new CheckerHarness({ settings: { failuresBeforeFailed: 3 } })
    await connected(h)
    h.probeAnswer = down('connection-reset')
    h.attemptAnswer = down('connection-refused')
    await h.clock.advance(2_000 + 1_000) // probe fails, then one attempt
    expect(h.state).toBe('connecting')
    await h.clock.advance(2_000) // second attempt: third failure
    expect(h.state).toBe('failed')
    expect(h.attemptCalls).toEqual([0, 3_000, 5_000])
  })

  it('probes at once when the pool sees connections break', async () => {
    const h = new CheckerHarness()
    await connected(h)
    await h.clock.advance(500)
    h.probeAnswer = down('connection-reset')
    h.checker.connectionsBroke()
    await h.clock.advance(0)
    expect(h.probeCalls.map((p) => p.at)).toEqual([500])
    expect(h.state).toBe('connecting')
  })
})
