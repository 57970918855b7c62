import { describe, expect, it } from 'vitest'
import { CheckerHarness, down, fastProbe, up } from './support/checker-harness'
import { mulberry32 } from './support/mulberry32'

const hour = 3_600_000

/** The same outage twice: once with a quiet wall clock, once with it jumping +-1 h. */
async function outage(jump: (h: CheckerHarness, i: number) => void) {
  const h = new CheckerHarness({ random: mulberry32(5) })
  await h.checker.start()
  await h.clock.advance(5_000)
  jump(h, 0)
  h.probeAnswer = down('connection-reset')
  h.attemptAnswer = down('connection-refused')
  for (let i = 1; i <= 12; i++) {
    await h.clock.advance(10_000)
    jump(h, i)
  }
  h.attemptAnswer = up
  h.probeAnswer = fastProbe()
  await h.clock.advance(90_000)
  h.checker.stop()
  return h
}

describe('a wall-clock jump', () => {
  it('of +-1 h does not move attempts, probes or the breaker', async () => {
    const quiet = await outage(() => undefined)
    const jumpy = await outage((h, i) => h.clock.jumpWall(i % 2 === 0 ? hour : -hour))
    expect(jumpy.clock.wallNow() - quiet.clock.wallNow()).toBe(hour) // 7 jumps forward, 6 back

    expect(jumpy.attemptCalls).toEqual(quiet.attemptCalls)
    expect(jumpy.probeCalls).toEqual(quiet.probeCalls)
    expect(jumpy.breakerOpens.map((o) => o.at)).toEqual(quiet.breakerOpens.map((o) => o.at))
    expect(jumpy.breakerOpens.map((o) => o.at)).toEqual([6_000 + 30_000]) // the probe at 6 s failed
    expect(jumpy.transitions).toEqual(quiet.transitions)
    expect(quiet.attemptCalls.length).toBeGreaterThan(4)
    // Wall time only labels the records: the delays they show are the same.
    const shownDelay = (h: CheckerHarness) =>
      h.records.map((r) => (r.nextAttemptAt === null ? null : r.nextAttemptAt - r.at))
    expect(shownDelay(jumpy)).toEqual(shownDelay(quiet))
    expect(jumpy.records.map((r) => r.at)).not.toEqual(quiet.records.map((r) => r.at))
  })

  it('shows the next attempt at the new wall time, still the same monotonic distance away', async () => {
    const h = new CheckerHarness()
    h.attemptAnswer = down()
    await h.checker.start()
    const before = h.checker.view().nextAttemptAt!
    h.clock.jumpWall(-hour)
    expect(h.checker.view().nextAttemptAt).toBe(before - hour)
    expect(h.checker.view().nextAttemptAt! - h.clock.wallNow()).toBe(1_000)
    await h.clock.advance(999)
    expect(h.attemptCalls).toEqual([0])
    await h.clock.advance(1)
    expect(h.attemptCalls).toEqual([0, 1_000])
  })
})
