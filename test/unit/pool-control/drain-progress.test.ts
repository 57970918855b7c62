/**
 * Drain: the answer comes at once with the progress (connections in use at the start), each
 * connection given back moves `inUse` down in a status push, and the last one ends the drain:
 * phase 'drained', poolState 'drained', state still 'connected', drain-started / drain-ended events.
 */
import { describe, expect, it } from 'vitest'
import { sessionHarness } from './support/session-harness'

describe('drain progress', () => {
  it('counts down the connections still in use and ends drained', async () => {
    const h = sessionHarness()
    await h.connect()
    const a = await h.session.acquire({ holder: 'a' })
    const b = await h.session.acquire({ holder: 'b' })
    const startedWall = h.clock.wallNow()

    const answer = h.session.drain({})
    expect(answer).toMatchObject({
      state: 'connected',
      poolState: 'draining',
      drain: {
        phase: 'draining',
        startedAt: startedWall,
        deadlineAt: null,
        onDeadline: 'cancel',
        inUseAtStart: 2,
        inUse: 2,
        deadlinePassed: false,
        endedAt: null,
      },
    })
    expect(h.kinds()).toContain('drain-started')
    // Idle connections close at once; the two in use stay until given back.
    await h.clock.advance(10)
    expect(h.session.status().pool).toMatchObject({ active: 2, idle: 0 })

    const pushed = h.statuses.length
    a.release()
    await h.clock.advance(300)
    const afterFirst = h.statuses.slice(pushed).map((s) => s.drain?.inUse)
    expect(afterFirst).toContain(1)
    expect(h.session.status().drain).toMatchObject({ phase: 'draining', inUse: 1 })

    await h.clock.advance(1_000)
    const lastBack = h.clock.wallNow()
    b.release()
    await h.clock.advance(300)
    const done = h.session.status()
    expect(done).toMatchObject({
      state: 'connected',
      poolState: 'drained',
      drain: { phase: 'drained', inUse: 0, inUseAtStart: 2 },
    })
    // Ended when the last connection came back (its close is asynchronous, so within the step).
    expect(done.drain!.endedAt).toBeGreaterThanOrEqual(lastBack)
    expect(done.drain!.endedAt).toBeLessThanOrEqual(h.clock.wallNow())
    expect(done.pool).toMatchObject({ total: 0, active: 0 })
    expect(h.statuses.at(-1)).toMatchObject({ poolState: 'drained', drain: { phase: 'drained' } })
    const ended = h.events.find((e) => e.kind === 'drain-ended')
    expect(ended).toMatchObject({ severity: 'info', data: { outcome: 'drained', inUse: 0 } })
    expect(ended!.message).toMatch(/^drain finished after 1\.\d s: every connection is closed$/)
    await h.session.disconnect()
  })

  it('a pool with nothing in use drains at once', async () => {
    const h = sessionHarness()
    await h.connect()
    // The answer itself says so (the UI merges it after the pushes its change caused).
    expect(h.session.drain({})).toMatchObject({
      poolState: 'drained',
      drain: { phase: 'drained', inUseAtStart: 0 },
    })
    await h.clock.advance(10)
    expect(h.session.status()).toMatchObject({ poolState: 'drained', drain: { phase: 'drained' } })
    await h.session.disconnect()
  })
})
