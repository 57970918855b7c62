import { describe, expect, it } from 'vitest'
import type { WaitTicket } from '../../../src/main/engine/pool/engine'
import { makePool } from '../../helpers/pool-stubs'

describe('pool queue position', () => {
  it('tells each waiter its place when queued and as the queue moves', async () => {
    const { pool } = makePool({ max: 1 })
    await pool.start()
    const held = await pool.acquire()
    const places: number[] = []
    const tickets: WaitTicket[] = []
    const onQueued = (position: number, ticket: WaitTicket) => {
      places.push(position)
      tickets.push(ticket)
    }
    const a = pool.acquire({ onQueued })
    const b = pool.acquire({ onQueued })
    const c = pool.acquire({ onQueued })
    expect(places).toEqual([1, 2, 3])
    held.release()
    const leaseA = await a
    expect(tickets.map((t) => pool.queuePosition(t))).toEqual([0, 1, 2])
    // a critical newcomer goes ahead of both
    const urgent = pool.acquire({ priority: 'critical', onQueued })
    expect(places[3]).toBe(1)
    expect(tickets.map((t) => pool.queuePosition(t))).toEqual([0, 2, 3, 1])
    leaseA.release()
    ;(await urgent).release()
    ;(await b).release()
    ;(await c).release()
    expect(tickets.map((t) => pool.queuePosition(t))).toEqual([0, 0, 0, 0])
  })

  it('does not call onQueued when a connection is handed over at once', async () => {
    const { pool } = makePool({ max: 1, min: 1 })
    await pool.start()
    const places: number[] = []
    const lease = await pool.acquire({ onQueued: (p) => places.push(p) })
    expect(places).toEqual([])
    lease.release()
  })
})
