import { describe, expect, it } from 'vitest'
import { MemoryQueueLog } from '../../../helpers/memory-queue-log'
import { FakeDatabase } from './support/fake-database'
import { makeQueue } from './support/queue-harness'

describe('the exactly-once table', () => {
  it('is not used (or created) without consent: delivery is at-least-once and says so', async () => {
    const h = makeQueue()
    await h.enqueueInserts(2)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2])
    expect(h.db.schemaExists).toBe(false)
    expect(h.db.received.some((s) => s.includes('lifeguard'))).toBe(false)
    expect(h.queue.status().exactlyOnce).toBe(false)
  })

  it('is created on consent and records each applied id with its hash, in the same transaction', async () => {
    const h = makeQueue()
    const status = await h.queue.setExactlyOnce(true)
    expect(status.exactlyOnce).toBe(true)
    expect(h.db.tableExists).toBe(true)
    const ops = await h.enqueueInserts(3)
    await h.settle()
    expect(h.committedValues()).toEqual([1, 2, 3])
    expect([...h.db.appliedIds]).toEqual(ops.map((o) => [o.id, o.payloadHash]))
  })

  it('records an operation found in the table with the same hash as applied without running it', async () => {
    const db = new FakeDatabase()
    const log = new MemoryQueueLog('p1', { maxQueueSize: 10 })
    const first = makeQueue({ db, log, usable: false, settings: { exactlyOnce: true } })
    const ops = await first.enqueueInserts(3)
    await first.queue.close()
    // A previous run applied operation 1 and 2 and crashed before its local acknowledgement.
    db.schemaExists = db.tableExists = true
    db.appliedIds.set(ops[0]!.id, ops[0]!.payloadHash).set(ops[1]!.id, ops[1]!.payloadHash)
    const second = makeQueue({ db, log, settings: { exactlyOnce: true } })
    await second.settle()
    expect(second.committedValues()).toEqual([3])
    expect(log.stats()).toMatchObject({ applied: 3, depth: 0 })
    expect(second.events.find((e) => e.kind === 'queue-applied')?.data['alreadyApplied']).toBe(2)
  })

  it('refuses an id recorded with another payload hash as a permanent error, after applying the ones before it', async () => {
    const h = makeQueue({ usable: false, settings: { exactlyOnce: true } })
    const ops = await h.enqueueInserts(3)
    h.db.schemaExists = h.db.tableExists = true
    h.db.appliedIds.set(ops[1]!.id, 'f'.repeat(64))
    h.setUsable(true)
    await h.settle()
    expect(h.committedValues()).toEqual([1])
    const status = h.queue.status()
    expect(status.state).toBe('blocked')
    expect(status.blocked).toMatchObject({ operationId: ops[1]!.id, why: 'permanent-error' })
    expect(status.blocked!.error.message).toMatch(/operation id reused with a different payload/)
    expect([...h.db.appliedIds.keys()]).toEqual([ops[1]!.id, ops[0]!.id])
  })

  it('blocks with why exactly-once-table when the table cannot be created, until consent is withdrawn', async () => {
    const h = makeQueue({ usable: false, settings: { exactlyOnce: true } })
    h.db.rule = () => undefined
    const realAcquire = h.db.acquire
    h.db.acquire = async () => {
      const lease = await realAcquire()
      const query = lease.connection.query
      return {
        ...lease,
        connection: {
          query: (text: string, values?: unknown[]) =>
            text.startsWith('CREATE SCHEMA')
              ? Promise.reject(
                  Object.assign(new Error('permission denied for database app'), {
                    code: '42501',
                    severity: 'ERROR',
                  }),
                )
              : query(text, values),
        },
        release: lease.release,
      }
    }
    await h.enqueueInserts(1)
    h.setUsable(true)
    await h.settle()
    expect(h.queue.status().blocked).toMatchObject({
      why: 'exactly-once-table',
      error: { sqlstate: '42501' },
    })
    expect(h.log.queued()[0]!.attempts).toBe(0)
    await h.queue.setExactlyOnce(false)
    await h.settle()
    expect(h.committedValues()).toEqual([1])
  })
})
