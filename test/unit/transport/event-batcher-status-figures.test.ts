/**
 * A profile's status push that brings only fresher figures (each health probe sends one: a new
 * latency) is coalesced like a sample, the latest winning; a status with news (here a new
 * connection state) goes out at once, after what is pending for its profile.
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

const status = (profileId: string, state: string, latencyMs: number) => ({
  profileId,
  state,
  health: { level: 'healthy', breaker: 'closed', latencyMs },
  poolState: 'running',
  drain: null,
  error: null,
})

describe('EventBatcher: status figures', () => {
  it('the first status goes at once; later ones with the same news wait for the flush', async () => {
    const { clock, delivered, b } = batcher()
    b.push('connection:state-changed', status('a', 'connected', 1))
    expect(delivered).toHaveLength(1)
    b.push('connection:state-changed', status('a', 'connected', 2))
    b.push('connection:state-changed', status('b', 'connected', 5))
    b.push('connection:state-changed', status('a', 'connected', 3))
    expect(delivered).toHaveLength(2) // b's first status went at once
    await clock.advance(BATCH_INTERVAL_MS)
    expect(delivered).toHaveLength(3)
    expect(delivered[2]).toEqual([
      { channel: 'connection:state-changed', payload: status('a', 'connected', 3) },
    ])
  })

  it('a status with news goes at once, after the figures pending for its profile', () => {
    const { delivered, b } = batcher()
    b.push('connection:state-changed', status('a', 'connected', 1))
    b.push('connection:state-changed', status('a', 'connected', 2))
    b.push('pool:stats-changed', { profileId: 'b' })
    b.push('connection:state-changed', status('a', 'connecting', 2))
    expect(delivered).toHaveLength(2)
    expect(delivered[1]).toEqual([
      { channel: 'connection:state-changed', payload: status('a', 'connected', 2) },
      { channel: 'connection:state-changed', payload: status('a', 'connecting', 2) },
    ])
    // Back to the earlier news: news again, at once.
    b.push('connection:state-changed', status('a', 'connected', 2))
    expect(delivered).toHaveLength(3)
  })
})
