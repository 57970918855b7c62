import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../helpers/fake-clock'
import { makePool, track } from '../../helpers/pool-stubs'

describe('creations that finish late', () => {
  it('keeps a connection that arrives after its acquire timed out, for the next caller', async () => {
    const { pool, clock, factory } = makePool({ max: 1 })
    await pool.start()
    factory.hold()
    const gaveUp = track(pool.acquire({ timeoutMs: 1_000 }))
    await clock.advance(1_000)
    expect(gaveUp.status).toBe('rejected')
    factory.finishOne()
    await flushPromises()
    expect(pool.stats()).toMatchObject({ total: 1, idle: 1, active: 0 })
    const next = await pool.acquire()
    expect(next.connection).toBe(factory.made[0])
    expect(factory.calls).toBe(1)
    next.release()
  })

  it('hands it straight to a caller already waiting', async () => {
    const { pool, clock, factory } = makePool({ max: 1 })
    await pool.start()
    factory.hold()
    track(pool.acquire({ timeoutMs: 1_000 }))
    await clock.advance(500)
    const second = track(pool.acquire())
    await clock.advance(500)
    factory.finishOne()
    await flushPromises()
    expect(second.status).toBe('resolved')
  })

  it('closes a connection that arrives after shutdown', async () => {
    const { pool, factory } = makePool({ max: 1 })
    const reasons: string[] = []
    pool.on('removed', (e) => reasons.push(e.reason))
    await pool.start()
    factory.hold()
    const w = track(pool.acquire())
    await flushPromises()
    await pool.shutdown()
    expect(w.status).toBe('rejected')
    factory.finishOne()
    await flushPromises()
    expect(factory.made[0]!.ended).toBe(true)
    expect(reasons).toEqual(['shutdown'])
    expect(pool.stats().total).toBe(0)
  })
})
