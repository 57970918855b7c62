import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '../../helpers/fake-clock'
import { makePool, track } from '../../helpers/pool-stubs'

const setup = async () => {
  const cancelBackend = vi.fn(async () => true)
  const terminateBackend = vi.fn(async () => true)
  const made = makePool({ min: 2, max: 2 }, { cancelBackend, terminateBackend })
  await made.pool.start()
  const lease = await made.pool.acquire()
  return { ...made, lease, cancelBackend, terminateBackend }
}

describe('drain deadline', () => {
  it("'cancel' cancels the queries of connections still in use and keeps draining", async () => {
    const { pool, clock, lease, cancelBackend, terminateBackend } = await setup()
    const drained = track(pool.drain({ deadlineMs: 5_000, onDeadline: 'cancel' }))
    await clock.advance(4_999)
    expect(cancelBackend).not.toHaveBeenCalled()
    await clock.advance(1)
    expect(cancelBackend).toHaveBeenCalledExactlyOnceWith(lease.backendPid)
    expect(terminateBackend).not.toHaveBeenCalled()
    expect(pool.state).toBe('draining')
    lease.release()
    await flushPromises()
    expect(drained.value).toBe('drained')
  })

  it("'terminate' ends the stragglers' backends and completes the drain", async () => {
    const { pool, clock, lease, terminateBackend, factory } = await setup()
    const drained = track(pool.drain({ deadlineMs: 5_000, onDeadline: 'terminate' }))
    await clock.advance(5_000)
    expect(terminateBackend).toHaveBeenCalledExactlyOnceWith(lease.backendPid)
    expect(factory.made.find((c) => c === lease.connection)!.destroyed).toBe(true)
    expect(drained.value).toBe('drained')
    expect(pool.state).toBe('drained')
    expect(() => lease.release()).not.toThrow()
    expect(pool.stats().total).toBe(0)
  })

  it("'resume' returns the pool to running at the deadline", async () => {
    const { pool, clock, lease } = await setup()
    const drained = track(pool.drain({ deadlineMs: 5_000, onDeadline: 'resume' }))
    await clock.advance(5_000)
    expect(drained.value).toBe('resumed')
    expect(pool.state).toBe('running')
    expect(pool.stats()).toMatchObject({ total: 2, active: 1, idle: 1 }) // refilled to min
    lease.release()
    expect(pool.stats()).toMatchObject({ total: 2, active: 0, idle: 2 })
  })

  it('does nothing at the deadline if the drain already finished', async () => {
    const { pool, clock, lease, cancelBackend } = await setup()
    const drained = track(pool.drain({ deadlineMs: 5_000, onDeadline: 'resume' }))
    lease.release()
    await clock.advance(10_000)
    expect(drained.value).toBe('drained')
    expect(pool.state).toBe('drained')
    expect(cancelBackend).not.toHaveBeenCalled()
  })
})
