import { describe, expect, it } from 'vitest'
import { flushPromises } from '../../helpers/fake-clock'
import { makePool, track } from '../../helpers/pool-stubs'

describe('drain and resume', () => {
  it('closes idle connections at once, in-use ones on return, and resolves when empty', async () => {
    const { pool, factory } = makePool({ min: 2, max: 3 })
    const states: string[] = []
    pool.on('state-changed', (e) => states.push(e.to))
    await pool.start()
    const lease = await pool.acquire()
    const drained = track(pool.drain())
    expect(pool.state).toBe('draining')
    expect(pool.stats()).toMatchObject({ total: 1, active: 1, idle: 0 })
    const idle = factory.made.find((c) => c !== lease.connection)!
    expect(idle.ended).toBe(true)
    await expect(pool.acquire()).rejects.toMatchObject({
      code: 'pool-draining',
      message: expect.stringContaining('the pool is draining'),
    })
    await flushPromises()
    expect(drained.status).toBe('pending')
    lease.release()
    await flushPromises()
    expect(drained).toMatchObject({ status: 'resolved', value: 'drained' })
    expect(factory.made.every((c) => c.ended)).toBe(true)
    expect(pool.stats().total).toBe(0)
    expect(pool.metrics().counters.removals.drain).toBe(2)
    expect(states).toEqual(['running', 'draining', 'drained'])
  })

  it('fails current waiters, keeps those who asked to wait, and serves them after resume', async () => {
    const { pool, factory } = makePool({ min: 1, max: 1 })
    await pool.start()
    const lease = await pool.acquire()
    const plain = track(pool.acquire())
    const patient = track(pool.acquire({ waitIfDraining: true }))
    void pool.drain()
    const latePatient = track(pool.acquire({ waitIfDraining: true }))
    await flushPromises()
    expect((plain.error as { code: string }).code).toBe('pool-draining')
    lease.release()
    await flushPromises()
    expect(pool.state).toBe('drained')
    expect(patient.status).toBe('pending')
    pool.resume()
    expect(pool.state).toBe('running')
    await flushPromises()
    expect(patient.status).toBe('resolved')
    expect(latePatient.status).toBe('pending') // max 1: after patient
    expect(factory.made).toHaveLength(2) // refilled
  })

  it('refills to min on resume and hands out again', async () => {
    const { pool } = makePool({ min: 2, max: 2 })
    await pool.start()
    await pool.drain()
    expect(pool.stats().total).toBe(0)
    pool.resume()
    await flushPromises()
    expect(pool.stats()).toMatchObject({ total: 2, idle: 2 })
    ;(await pool.acquire()).release()
  })

  it('closes a connection whose creation finishes during the drain', async () => {
    const { pool, factory } = makePool({ min: 0, max: 1 })
    await pool.start()
    factory.hold()
    const w = track(pool.acquire({ waitIfDraining: true }))
    await flushPromises()
    const drained = track(pool.drain())
    await flushPromises()
    expect(drained.status).toBe('pending')
    factory.finishOne()
    await flushPromises()
    expect(factory.made[0]!.ended).toBe(true)
    expect(drained.value).toBe('drained')
    expect(w.status).toBe('pending')
  })

  it('cannot resume a running pool or drain a closed one', async () => {
    const { pool } = makePool()
    await pool.start()
    expect(() => pool.resume()).toThrow(expect.objectContaining({ code: 'invalid-state' }))
    await pool.shutdown()
    await expect(pool.drain()).rejects.toMatchObject({ code: 'invalid-state' })
  })
})
