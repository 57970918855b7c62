/**
 * The EventBatcher coalesces samples (pool:stats-changed, sessions:sampled) per profile, the latest
 * one winning and keeping its place, and flushes them 250 ms after the first one arrived.
 */
import { describe, expect, it } from 'vitest'
import { BATCH_INTERVAL_MS, EventBatcher } from '../../../src/main/transport/event-batcher'
import type { ServerEvent } from '../../../src/shared/ws-protocol'
import { FakeClock } from '../../helpers/fake-clock'

function batcher() {
  const clock = new FakeClock()
  const delivered: ServerEvent[][] = []
  const b = new EventBatcher(clock, (batch) => delivered.push(batch))
  return { clock, delivered, b }
}

const stats = (profileId: string, n: number) => ({ profileId, stats: { total: n }, at: n })

describe('EventBatcher: coalescing', () => {
  it('keeps the latest sample of each profile and channel until the flush', async () => {
    const { clock, delivered, b } = batcher()
    b.push('pool:stats-changed', stats('a', 1))
    b.push('pool:stats-changed', stats('b', 1))
    b.push('sessions:sampled', { profileId: 'a', sampledAt: 1 })
    b.push('pool:stats-changed', stats('a', 2))
    b.push('pool:stats-changed', stats('a', 3))
    expect(b.pendingCount).toBe(3)
    await clock.advance(BATCH_INTERVAL_MS - 1)
    expect(delivered).toEqual([])
    await clock.advance(1)
    expect(delivered).toEqual([
      [
        { channel: 'pool:stats-changed', payload: stats('a', 3) },
        { channel: 'pool:stats-changed', payload: stats('b', 1) },
        { channel: 'sessions:sampled', payload: { profileId: 'a', sampledAt: 1 } },
      ],
    ])
    expect(b.pendingCount).toBe(0)
    expect(clock.pendingTimers).toBe(0)
  })

  it('arms no timer while nothing is pending, and stop() drops what is', async () => {
    const { clock, delivered, b } = batcher()
    expect(clock.pendingTimers).toBe(0)
    b.push('pool:stats-changed', stats('a', 1))
    expect(clock.pendingTimers).toBe(1)
    b.stop()
    await clock.advance(1_000)
    b.push('pool:stats-changed', stats('a', 2))
    b.push('profiles:changed', [])
    expect(delivered).toEqual([])
    expect(clock.pendingTimers).toBe(0)
  })
})
