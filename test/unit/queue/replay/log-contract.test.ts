/**
 * What replay relies on from a DurableQueueLog, checked on the in-memory test double AND on the
 * real durable log (queue/storage), so the replay's unit tests stand on the same ground as the app.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { DurableQueueLog } from '../../../../src/main/engine/queue/queue-log-types'
import { openQueueStore } from '../../../../src/main/engine/queue/storage'
import { MemoryQueueLog } from '../../../helpers/memory-queue-log'
import { tempDir } from '../../../helpers/temp-dir'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const logs: Array<[string, (maxQueueSize: number) => Promise<DurableQueueLog>]> = [
  ['memory (test double)', async (max) => new MemoryQueueLog('p1', { maxQueueSize: max })],
  [
    'durable (queue/storage)',
    async (max) => {
      const dir = tempDir('lifeguard-replay-contract-')
      cleanups.push(dir.cleanup)
      const store = await openQueueStore({ dataDir: dir.dir })
      cleanups.push(() => store.close())
      return store.open('p1', { maxQueueSize: max })
    },
  ],
]

const op = (id: string, value: number) => ({
  id,
  kind: 'statement' as const,
  payload: { sql: 'INSERT INTO t VALUES ($1)', params: [value] },
  enqueuedAt: 1_767_225_600_000 + value,
})
const error = {
  code: 'query-failed',
  sqlstate: '40001',
  message: 'x',
  errorClass: 'transient' as const,
  at: 1,
}

describe.each(logs)('the %s log', (_name, open) => {
  it('keeps FIFO order by increasing seq, with a hash per payload', async () => {
    const log = await open(10)
    const added = await Promise.all([1, 2, 3].map((v) => log.enqueue(op(`op-${v}`, v))))
    expect(log.queued().map((o) => o.id)).toEqual(['op-1', 'op-2', 'op-3'])
    const seqs = added.map((o) => o.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(new Set(seqs).size).toBe(3)
    expect(added[0]!.payloadHash).toMatch(/^[0-9a-f]{64}$/)
    expect(added[0]!.payloadHash).not.toBe(added[1]!.payloadHash)
    expect(log.head()?.id).toBe('op-1')
  })

  it('refuses queue-full and a duplicate id, adding nothing', async () => {
    const log = await open(2)
    await log.enqueue(op('a', 1))
    await expect(log.enqueue(op('a', 2))).rejects.toMatchObject({ code: 'conflict' })
    await log.enqueue(op('b', 2))
    await expect(log.enqueue(op('c', 3))).rejects.toMatchObject({ code: 'queue-full' })
    expect(log.queued().map((o) => o.id)).toEqual(['a', 'b'])
  })

  it('records attempts, applies (also several at once), moves aside, requeues and replaces', async () => {
    const log = await open(10)
    const [a, b, c, d] = await Promise.all(
      ['a', 'b', 'c', 'd'].map((id, i) => log.enqueue(op(id, i))),
    )
    await log.recordAttempt(a!.seq, error)
    expect(log.head()).toMatchObject({ id: 'a', attempts: 1, lastError: { sqlstate: '40001' } })
    await Promise.all([log.markApplied(a!.seq), log.markApplied(b!.seq)])
    await log.moveAside(c!.seq, 'skipped', error)
    expect(log.aside()[0]).toMatchObject({
      id: 'c',
      reason: 'skipped',
      lastError: { sqlstate: '40001' },
    })
    const replaced = await log.replace(d!.seq, {
      sql: 'INSERT INTO t VALUES ($1, $2)',
      params: [1, 2],
    })
    expect(replaced).toMatchObject({ id: 'd', seq: d!.seq, attempts: 0 })
    expect(replaced.payloadHash).not.toBe(d!.payloadHash)
    const requeued = await log.requeue('c')
    expect(requeued.seq).toBeGreaterThan(d!.seq)
    expect(requeued.attempts).toBe(0)
    expect(log.queued().map((o) => o.id)).toEqual(['d', 'c'])
    const stats = log.stats()
    expect(stats).toMatchObject({ depth: 2, enqueued: 4, applied: 2, failedAttempts: 1 })
    expect(stats.applied + log.aside().length + log.queued().length).toBe(stats.enqueued)
    expect(stats.bytesOnDisk).toBeGreaterThan(0)
  })
})
