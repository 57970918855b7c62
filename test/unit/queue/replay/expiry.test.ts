import { describe, expect, it } from 'vitest'
import { expectInvariant, makeQueue } from './support/queue-harness'

describe('maxAgeMs', () => {
  it('moves operations older than maxAgeMs aside as expired (kept, not deleted); the rest replay', async () => {
    const h = makeQueue({ usable: false, settings: { maxAgeMs: 60_000 } })
    const old = await h.enqueueInserts(2)
    await h.clock.advance(30_000)
    await h.enqueueInserts(2, 3)
    await h.settle()

    await h.clock.advance(30_000) // the first two are now 60 s old
    await h.settle()
    expect(
      h.log
        .aside()
        .map((o) => o.id)
        .sort(),
    ).toEqual(old.map((o) => o.id).sort())
    expect(h.log.aside().every((o) => o.reason === 'expired')).toBe(true)
    expect(h.log.queued().map((o) => o.payload.params[0])).toEqual([3, 4])
    expect(h.events.filter((e) => e.kind === 'queue-moved-aside')).toHaveLength(2)
    expectInvariant(h.log)

    h.setUsable(true)
    await h.settle()
    expect(h.committedValues()).toEqual([3, 4])
    expect(h.queue.status().state).toBe('idle')
    expectInvariant(h.log)
  })

  it('also expires the operation replay is blocked at, and goes on', async () => {
    const h = makeQueue({ settings: { maxAgeMs: 10_000 } })
    h.db.rule = (_s, p) =>
      p[0] === 1 ? Object.assign(new Error('x'), { code: '42501', severity: 'ERROR' }) : undefined
    await h.enqueueInserts(1)
    await h.settle()
    expect(h.queue.status().state).toBe('blocked')
    await h.clock.advance(5_000)
    await h.enqueueInserts(1, 2)
    await h.settle()
    expect(h.committedValues()).toEqual([])
    await h.clock.advance(5_000)
    await h.settle()
    expect(h.log.aside()[0]).toMatchObject({ reason: 'expired', lastError: { sqlstate: '42501' } })
    expect(h.committedValues()).toEqual([2])
  })

  it('never expires anything without maxAgeMs', async () => {
    const h = makeQueue({ usable: false })
    await h.enqueueInserts(1)
    await h.clock.advance(30 * 86_400_000)
    await h.settle()
    expect(h.log.aside()).toHaveLength(0)
    expect(h.clock.pendingTimers).toBe(0)
  })
})
