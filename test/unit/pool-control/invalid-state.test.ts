/**
 * Pool control in the wrong state is refused with 'invalid-state' and changes nothing: drain when
 * not connected or already draining, resume while running, shutdown without a pool.
 */
import { describe, expect, it } from 'vitest'
import { sessionHarness } from './support/session-harness'

function refusal(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}

describe('pool control refusals', () => {
  it('refuses drain and resume on a disconnected profile, and shutdown without a pool', async () => {
    const h = sessionHarness()
    expect(refusal(() => h.session.drain({}))).toMatchObject({
      code: 'invalid-state',
      message: expect.stringMatching(/disconnected: only a connected profile can be drained/),
    })
    expect(refusal(() => h.session.resume())).toMatchObject({ code: 'invalid-state' })
    await expect(h.session.shutdown()).rejects.toMatchObject({ code: 'invalid-state' })
    expect(h.statuses).toEqual([])
    expect(h.events).toEqual([])
  })

  it('refuses resume while running and a second drain while draining, changing nothing', async () => {
    const h = sessionHarness()
    await h.connect()
    await h.session.acquire()
    const before = h.session.status()
    const events = h.events.length
    expect(refusal(() => h.session.resume())).toMatchObject({
      code: 'invalid-state',
      message: expect.stringMatching(/the pool is running/),
    })
    expect(h.session.status()).toEqual(before)
    expect(h.events).toHaveLength(events)

    h.session.drain({ deadlineMs: 60_000 })
    const draining = h.session.status()
    expect(
      refusal(() => h.session.drain({ deadlineMs: 100, onDeadline: 'terminate' })),
    ).toMatchObject({
      code: 'invalid-state',
      message: expect.stringMatching(/the pool is draining/),
    })
    expect(h.session.status()).toEqual(draining)
    // The refused drain's deadline never applies.
    await h.clock.advance(200)
    expect(h.admin.terminated).toEqual([])
    await h.session.disconnect()
  })

  it('refuses a drain while the database is unreachable', async () => {
    const h = sessionHarness()
    h.failAttempts(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
    await h.connect()
    expect(h.session.state).toBe('connecting')
    expect(refusal(() => h.session.drain({}))).toMatchObject({ code: 'invalid-state' })
    expect(h.session.status().poolState).toBe('running')
    await h.session.disconnect()
  })
})
