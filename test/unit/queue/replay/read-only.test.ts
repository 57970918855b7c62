import { describe, expect, it } from 'vitest'
import { makeQueue } from './support/queue-harness'

describe('a read-only database', () => {
  it('a standby (pg_is_in_recovery) keeps writes queued without an attempt, and the state says why', async () => {
    const h = makeQueue({ usable: false })
    h.db.inRecovery = true
    await h.enqueueInserts(2)
    h.setUsable(true)
    await h.settle()
    const status = h.queue.status()
    expect(status.state).toBe('waiting-for-database')
    expect(status.wait?.reason).toBe('read-only')
    expect(status.wait?.message).toMatch(/read-only/)
    expect(h.db.received.some((s) => s.startsWith('INSERT'))).toBe(false)
    expect(h.log.queued().map((o) => o.attempts)).toEqual([0, 0])
    const submitted = await h.queue.submit('INSERT INTO t VALUES ($1)', [3], {
      queueIfUnavailable: false,
    })
    expect(submitted.outcome).toBe('unavailable')

    h.db.inRecovery = false // promoted
    await h.clock.advance(status.wait!.retryAt! - h.clock.wallNow())
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2])
  })

  it('25006 on a write (default_transaction_read_only) keeps it queued and retries later', async () => {
    const h = makeQueue()
    h.db.readOnly = true
    await h.enqueueInserts(3)
    await h.settle()
    expect(h.queue.status().wait?.reason).toBe('read-only')
    expect(h.log.stats().failedAttempts).toBe(0)
    expect(h.events.filter((e) => e.data['readOnly'] === true)).toHaveLength(1)
    await h.clock.advance(h.queue.status().wait!.retryAt! - h.clock.wallNow())
    await h.settle()
    expect(h.events.filter((e) => e.data['readOnly'] === true)).toHaveLength(1)
    h.db.readOnly = false
    await h.clock.advance(h.queue.status().wait!.retryAt! - h.clock.wallNow())
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3])
  })
})
