/**
 * A drain's deadline: 'terminate' ends the backends still in use (through the side connection)
 * and the drain completes at the deadline; 'resume' puts the pool back to running with probes on;
 * either way the progress says the deadline passed.
 */
import { describe, expect, it } from 'vitest'
import { sessionHarness } from './support/session-harness'

describe('drain deadline', () => {
  it("'terminate' ends the held backend at the deadline and the drain completes", async () => {
    const h = sessionHarness()
    await h.connect()
    const held = await h.session.acquire({ holder: 'sleeper' })
    const pid = held.backendPid!
    const startedWall = h.clock.wallNow()
    const answer = h.session.drain({ deadlineMs: 5_000, onDeadline: 'terminate' })
    expect(answer.drain).toMatchObject({
      deadlineAt: startedWall + 5_000,
      onDeadline: 'terminate',
      inUseAtStart: 1,
    })
    await h.clock.advance(4_900)
    expect(h.admin.terminated).toEqual([])
    expect(h.session.status().drain).toMatchObject({ phase: 'draining', deadlinePassed: false })

    await h.clock.advance(200)
    expect(h.admin.terminated).toEqual([pid])
    expect(h.session.status()).toMatchObject({
      state: 'connected',
      poolState: 'drained',
      drain: { phase: 'drained', deadlinePassed: true, inUse: 0 },
    })
    const ended = h.events.find((e) => e.kind === 'drain-ended')
    expect(ended).toMatchObject({ severity: 'warning', data: { deadlinePassed: true } })
    expect(ended!.message).toContain('terminate them')
    expect(() => held.release()).not.toThrow()
    await h.session.disconnect()
  })

  it("'resume' returns the pool to running at the deadline, and probes start again", async () => {
    const h = sessionHarness()
    await h.connect()
    const held = await h.session.acquire({ holder: 'slow' })
    h.session.drain({ deadlineMs: 3_000, onDeadline: 'resume' })
    await h.clock.advance(3_100)
    expect(h.session.status()).toMatchObject({
      state: 'connected',
      poolState: 'running',
      drain: { phase: 'resumed', deadlinePassed: true },
    })
    const before = h.queryCount()
    await h.clock.advance(2_100)
    // At least one probe (SELECT 1) ran on a pool connection since the resume.
    expect(h.factory.made.flatMap((c) => c.queries).slice(-5)).toContain('SELECT 1')
    expect(h.queryCount()).toBeGreaterThan(before)
    held.release()
    await h.session.disconnect()
  })
})
