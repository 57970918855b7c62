import { describe, expect, it } from 'vitest'
import { MemoryQueueLog } from '../../../helpers/memory-queue-log'
import { makeQueue } from './support/queue-harness'

const damage = {
  recordsAffected: 4,
  recordsBefore: 2,
  keptAs: 'segment-000001.jsonl.damaged-2026-01-01T00-00-00Z',
  message: 'record 3 failed its checksum',
}

describe('a damaged log', () => {
  it('puts the queue in state damaged: no replay, the counts for the user, no direct writes', async () => {
    const log = new MemoryQueueLog('p1', { maxQueueSize: 10, damage })
    const h = makeQueue({ log, usable: false })
    await h.queue.enqueue({ sql: 'INSERT INTO t VALUES ($1)', params: [1] })
    h.setUsable(true)
    await h.settle()
    await h.clock.advance(600_000)
    await h.settle()
    const status = h.queue.status()
    expect(status.state).toBe('damaged')
    expect(status.damage).toEqual(damage)
    expect(h.db.acquires).toBe(0)
    const outcome = await h.queue.submit('INSERT INTO t VALUES ($1)', [2], {
      queueIfUnavailable: false,
    })
    expect(outcome).toMatchObject({ outcome: 'unavailable', reason: { message: /damaged/ } })
    expect(h.db.acquires).toBe(0)
  })
})
