import { describe, expect, it } from 'vitest'
import { CheckerHarness, down } from './support/checker-harness'
import { mulberry32 } from './support/mulberry32'

/** reference.md: 1, 2, 4, 8, 16, 32, 60 s, then 60 s again. */
const nominal = [1, 2, 4, 8, 16, 32, 60, 60].map((s) => s * 1000)

async function failingRun(h: CheckerHarness, attempts: number): Promise<number[]> {
  h.attemptAnswer = down('connection-refused')
  await h.checker.start()
  while (h.attemptCalls.length < attempts) await h.clock.advance(60_000)
  h.checker.stop()
  return h.attemptGaps().slice(0, attempts - 1)
}

describe('backoff schedule of consecutive failed attempts', () => {
  it('waits exactly 1, 2, 4, 8, 16, 32, 60, 60 s when random() is 0.5', async () => {
    const h = new CheckerHarness({ random: () => 0.5 })
    expect(await failingRun(h, nominal.length + 1)).toEqual(nominal)
    expect(h.records.slice(1).map((r) => r.scheduledDelayMs)).toEqual(nominal)
  })

  it('keeps each delay within +-20 % of nominal, and capped delays within [48, 60] s', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const h = new CheckerHarness({ random: mulberry32(seed) })
      const gaps = await failingRun(h, nominal.length + 1)
      gaps.forEach((gap, i) => {
        const n = nominal[i]!
        const high = n === 60_000 ? 60_000 : n * 1.2
        expect(gap, `seed ${seed}, delay ${i + 1}`).toBeGreaterThanOrEqual(n * 0.8)
        expect(gap, `seed ${seed}, delay ${i + 1}`).toBeLessThanOrEqual(high)
      })
      // Jitter really is applied: not every delay is the nominal one.
      expect(gaps).not.toEqual(nominal)
    }
  })

  it('takes base, factor and cap from the settings', async () => {
    const h = new CheckerHarness({
      settings: { backoffBaseMs: 500, backoffFactor: 3, backoffCapMs: 10_000, backoffJitter: 0 },
      random: mulberry32(9),
    })
    expect(await failingRun(h, 6)).toEqual([500, 1_500, 4_500, 10_000, 10_000])
  })
})
