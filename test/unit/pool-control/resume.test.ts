/**
 * Resume: a drained (or draining) pool runs again, refills to min, and Lifeguard probes at once;
 * the state was 'connected' throughout, and the drain's record says 'resumed'.
 */
import { describe, expect, it } from 'vitest'
import { sessionHarness } from './support/session-harness'

describe('resume', () => {
  it('a drained pool runs again and is probed at once', async () => {
    const h = sessionHarness()
    await h.connect()
    const pushed = h.statuses.length
    h.session.drain({})
    await h.clock.advance(10)
    expect(h.session.status().poolState).toBe('drained')
    const queriesBefore = h.queryCount()

    const answer = h.session.resume()
    expect(answer).toMatchObject({
      state: 'connected',
      poolState: 'running',
      drain: { phase: 'resumed' },
    })
    await h.clock.advance(50)
    // Refilled to min, and the immediate probe ran on one of the new connections.
    expect(h.session.status().pool).toMatchObject({ total: 2 })
    expect(h.queryCount()).toBeGreaterThan(queriesBefore)
    expect(h.statuses.slice(pushed).every((s) => s.state === 'connected')).toBe(true)
    // Only a drain that was still in progress gets a drain-ended record: this one had ended.
    expect(h.events.filter((e) => e.kind === 'drain-ended')).toHaveLength(1)
    await h.session.disconnect()
  })

  it('a drain still in progress ends as resumed', async () => {
    const h = sessionHarness()
    await h.connect()
    const held = await h.session.acquire()
    h.session.drain({})
    const answer = h.session.resume()
    expect(answer).toMatchObject({ poolState: 'running', drain: { phase: 'resumed', inUse: 1 } })
    expect(h.events.find((e) => e.kind === 'drain-ended')).toMatchObject({
      data: { outcome: 'resumed' },
    })
    // The connection that was in use goes back to the pool, not away.
    held.release()
    await h.clock.advance(10)
    expect(h.session.status().pool).toMatchObject({ active: 0, total: 2 })
    await h.session.disconnect()
  })
})
