/**
 * Cadence: a profile whose counts move all the time (a push every 50 ms) reaches the transport at
 * most 4 times a second, always with its latest figures; a quiet one (1 Hz) is delayed at most
 * 250 ms and never dropped.
 */
import { describe, expect, it } from 'vitest'
import { EventBatcher } from '../../../src/main/transport/event-batcher'
import type { ServerEvent } from '../../../src/shared/ws-protocol'
import { FakeClock } from '../../helpers/fake-clock'

describe('EventBatcher: cadence', () => {
  it('caps a busy profile at 4 Hz with its latest sample', async () => {
    const clock = new FakeClock()
    const delivered: Array<{ at: number; batch: ServerEvent[] }> = []
    const b = new EventBatcher(clock, (batch) => delivered.push({ at: clock.now(), batch }))
    let n = 0
    for (let t = 0; t < 10_000; t += 50) {
      b.push('pool:stats-changed', { profileId: 'busy', n: n++ })
      await clock.advance(50)
    }
    await clock.advance(250)
    expect(delivered.length).toBeGreaterThanOrEqual(39)
    expect(delivered.length).toBeLessThanOrEqual(41)
    const gaps = delivered.slice(1).map((d, i) => d.at - delivered[i]!.at)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250)
    expect((delivered.at(-1)!.batch[0]!.payload as { n: number }).n).toBe(n - 1)
  })

  it('a quiet profile is delivered within 250 ms, every sample', async () => {
    const clock = new FakeClock()
    const delays: number[] = []
    let sentAt = 0
    const b = new EventBatcher(clock, () => delays.push(clock.now() - sentAt))
    for (let i = 0; i < 10; i++) {
      sentAt = clock.now()
      b.push('pool:stats-changed', { profileId: 'quiet', n: i })
      await clock.advance(1_000)
    }
    expect(delays).toHaveLength(10)
    expect(Math.max(...delays)).toBe(250)
  })
})
