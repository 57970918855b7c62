/**
 * Shutdown: the pool ends at once; connections in use are destroyed with their backends
 * terminated, idle ones closed; the answer counts both and the profile is disconnected.
 */
import { describe, expect, it } from 'vitest'
import { sessionHarness } from './support/session-harness'

describe('shutdown', () => {
  it('terminates the connections in use, closes the idle ones, and disconnects', async () => {
    const h = sessionHarness({ sizing: { min: 4 } })
    await h.connect()
    const a = await h.session.acquire({ holder: 'a' })
    const b = await h.session.acquire({ holder: 'b' })
    expect(h.session.status().pool).toMatchObject({ total: 4, active: 2, idle: 2 })

    const result = await h.session.shutdown()
    expect(result).toMatchObject({ terminated: 2, closed: 2, status: { state: 'disconnected' } })
    expect(result.status.poolState).toBeNull()
    expect(h.admin.terminated.sort()).toEqual([a.backendPid, b.backendPid].sort())
    expect(h.factory.made.every((c) => c.closed)).toBe(true)
    expect(h.statuses.map((s) => s.state).slice(-2)).toEqual(['disconnecting', 'disconnected'])
    // Giving back a destroyed connection is harmless.
    expect(() => a.release()).not.toThrow()
  })

  it('during a drain, the drain ends as closed', async () => {
    const h = sessionHarness()
    await h.connect()
    await h.session.acquire()
    h.session.drain({})
    const result = await h.session.shutdown()
    expect(result).toMatchObject({ terminated: 1, closed: 0 })
    expect(result.status.drain).toMatchObject({ phase: 'closed' })
    expect(h.events.find((e) => e.kind === 'drain-ended')).toMatchObject({
      data: { outcome: 'closed' },
    })
  })
})
