/**
 * Every event other than samples goes out at once, after the samples pending for the same profile
 * (in the same delivery), so a profile's order is kept: a state change never arrives before an
 * older sample. Other profiles' samples keep waiting; an event that names no profile takes
 * everything pending with it.
 */
import { describe, expect, it } from 'vitest'
import { EventBatcher } from '../../../src/main/transport/event-batcher'
import type { ServerEvent } from '../../../src/shared/ws-protocol'
import { FakeClock } from '../../helpers/fake-clock'

function batcher() {
  const clock = new FakeClock()
  const delivered: ServerEvent[][] = []
  const b = new EventBatcher(clock, (batch) => delivered.push(batch))
  return { clock, delivered, b }
}

const names = (batch: ServerEvent[]) =>
  batch.map((e) => `${e.channel}:${(e.payload as { profileId?: string }).profileId ?? '-'}`)

describe('EventBatcher: order', () => {
  it("a profile's state change follows its pending sample; other profiles wait", async () => {
    const { clock, delivered, b } = batcher()
    b.push('pool:stats-changed', { profileId: 'a', n: 1 })
    b.push('pool:stats-changed', { profileId: 'b', n: 1 })
    b.push('connection:state-changed', { profileId: 'a', state: 'failed' })
    expect(delivered.map(names)).toEqual([['pool:stats-changed:a', 'connection:state-changed:a']])
    b.push('alerts:changed', { profileId: 'c', alerts: [] })
    expect(delivered.map(names)[1]).toEqual(['alerts:changed:c'])
    await clock.advance(250)
    expect(delivered.map(names)[2]).toEqual(['pool:stats-changed:b'])
  })

  it('an event naming no profile flushes everything pending first', () => {
    const { delivered, b } = batcher()
    b.push('pool:stats-changed', { profileId: 'a' })
    b.push('sessions:sampled', { profileId: 'b' })
    b.push('profiles:changed', [])
    expect(delivered.map(names)).toEqual([
      ['pool:stats-changed:a', 'sessions:sampled:b', 'profiles:changed:-'],
    ])
  })

  it('immediate events alone are delivered one by one, at once', () => {
    const { clock, delivered, b } = batcher()
    b.push('connection:state-changed', { profileId: 'a' })
    b.push('alerts:changed', { profileId: 'a' })
    b.push('events:recorded', { events: [] })
    expect(delivered).toHaveLength(3)
    expect(clock.pendingTimers).toBe(0)
  })

  it('a deliver that throws does not stop later deliveries', () => {
    const clock = new FakeClock()
    let calls = 0
    const b = new EventBatcher(clock, () => {
      calls++
      if (calls === 1) throw new Error('window gone')
    })
    const quiet = console.error
    console.error = () => undefined
    try {
      b.push('profiles:changed', [])
      b.push('profiles:changed', [])
    } finally {
      console.error = quiet
    }
    expect(calls).toBe(2)
  })
})
