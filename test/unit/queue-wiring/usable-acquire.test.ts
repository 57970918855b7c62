/**
 * The write queue's acquire gives up when the database goes away: refused at once while it is not
 * usable; a waiting acquire is answered 'service-unavailable' at the status push that reports the
 * outage (not after the pool's 30 s), and the connection the pool hands over later is given back.
 * A status push while the database is still usable changes nothing.
 */
import { describe, expect, it } from 'vitest'
import { UsableAcquire } from '../../../src/main/engine/monitor/usable-acquire'
import type { ReplayLease, Usability } from '../../../src/main/engine/queue'

function harness() {
  let usable: Usability = { usable: true }
  const released: string[] = []
  const pending: Array<(lease: ReplayLease) => void> = []
  const gate = new UsableAcquire(
    () => new Promise<ReplayLease>((resolve) => pending.push(resolve)),
    () => usable,
  )
  const lease = (name: string): ReplayLease => ({
    connection: { query: async () => ({ rows: [] }) },
    release: () => void released.push(name),
  })
  return {
    gate,
    released,
    hand: (name: string) => pending.shift()!(lease(name)),
    down: () => {
      usable = {
        usable: false,
        reason: { code: 'service-unavailable', message: 'the profile is failed' },
      }
    },
  }
}

describe('the write queue acquire gate', () => {
  it('hands over a connection while the database is usable', async () => {
    const h = harness()
    const waiting = h.gate.lease()
    h.gate.healthChanged()
    h.hand('a')
    await expect(waiting).resolves.toMatchObject({ connection: expect.anything() })
    expect(h.gate.pending).toBe(0)
    expect(h.released).toEqual([])
  })

  it('gives a waiting acquire up when the outage is reported, and returns the late connection', async () => {
    const h = harness()
    const waiting = h.gate.lease()
    h.down()
    h.gate.healthChanged()
    await expect(waiting).rejects.toMatchObject({
      code: 'service-unavailable',
      message: 'the profile is failed',
    })
    expect(h.gate.pending).toBe(0)
    h.hand('late')
    await Promise.resolve()
    expect(h.released).toEqual(['late'])
    await expect(h.gate.lease()).rejects.toMatchObject({ code: 'service-unavailable' })
  })
})
