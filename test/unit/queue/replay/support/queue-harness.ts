/**
 * A WriteQueue for unit tests: a FakeClock, the in-memory log, the FakeDatabase as its acquirer,
 * a usable switch standing in for health, and every status push, event and filling signal kept.
 */
import { expect } from 'vitest'
import type { QueueSettings } from '../../../../../src/main/engine/queue/queue-settings'
import type { QueueEvent } from '../../../../../src/main/engine/queue/replay/replay-types'
import type { QueueFillingDetail } from '../../../../../src/main/engine/queue/queue-filling'
import { WriteQueue } from '../../../../../src/main/engine/queue/write-queue'
import type { QueueStatus } from '../../../../../src/shared/queue'
import { FakeClock, flushPromises } from '../../../../helpers/fake-clock'
import { MemoryQueueLog } from '../../../../helpers/memory-queue-log'
import { FakeDatabase } from './fake-database'
import type { DurableQueueLog } from '../../../../../src/main/engine/queue/queue-log-types'

export const target = { host: '127.0.0.1', port: 5432, database: 'app', user: 'dba' }

export interface HarnessOptions {
  settings?: Partial<QueueSettings>
  usable?: boolean
  random?: () => number
  log?: MemoryQueueLog
  db?: FakeDatabase
  clock?: FakeClock
}

export function makeQueue(options: HarnessOptions = {}) {
  const clock = options.clock ?? new FakeClock()
  const maxQueueSize = options.settings?.maxQueueSize ?? 1000
  const log =
    options.log ?? new MemoryQueueLog('p1', { maxQueueSize, wallNow: () => clock.wallNow() })
  const db = options.db ?? new FakeDatabase()
  let usable = options.usable ?? true
  const counts = { usable: 0 }
  const statuses: QueueStatus[] = []
  const events: QueueEvent[] = []
  const filling: Array<QueueFillingDetail | null> = []
  const queue = new WriteQueue({
    profileId: 'p1',
    log,
    acquire: () => db.acquire(),
    usable: () => {
      counts.usable++
      if (usable) return { usable: true }
      return {
        usable: false,
        reason: { code: 'service-unavailable', message: 'the database is down' },
      }
    },
    clock,
    random: options.random ?? (() => 0.5),
    settings: { statusMinGapMs: 0, ...options.settings },
    target,
    onStatus: (s) => statuses.push(s),
    onEvent: (e) => events.push(e),
    onFilling: (d) => filling.push(d),
  })
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await flushPromises()
      await queue.settled()
    }
  }
  return {
    clock,
    log,
    db,
    queue,
    statuses,
    events,
    filling,
    settle,
    /** How often the queue asked health (each replay step asks once). */
    counts,
    setUsable(value: boolean) {
      usable = value
      queue.healthChanged()
    },
    /** Queues `n` INSERTs into `t` (values 1..n, or from `from`), each awaited. */
    async enqueueInserts(n: number, from = 1) {
      const ops = []
      for (let i = from; i < from + n; i++)
        ops.push(await queue.enqueue({ sql: 'INSERT INTO t VALUES ($1)', params: [i] }))
      return ops
    },
    /** The values of t's rows on the server, in commit order. */
    committedValues(): unknown[] {
      return db.committedMatching(/^INSERT INTO t /).map((e) => e.params[0])
    },
  }
}

/** applied + moved aside + still queued = enqueued, and depth agrees with the queued list. */
export function expectInvariant(log: DurableQueueLog): void {
  const stats = log.stats()
  const queued = log.queued().length
  expect(stats.depth).toBe(queued)
  expect(stats.applied + log.aside().length + queued).toBe(stats.enqueued)
}
