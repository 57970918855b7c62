/**
 * The exactly-once table across a kill between COMMIT and the local acknowledgement, on the real
 * PostgreSQL and the real durable log: the first queue's `markApplied` fails as a crash would
 * (nothing of it reaches the disk), so after reopening the log the operation is still queued;
 * a fresh queue over the reopened log replays it, finds its id in lifeguard.applied_operations
 * and records it applied without running it again. The same id with another payload is refused.
 * Without the table (no consent) the same crash applies the write twice: at-least-once, which is
 * what the status says (exactlyOnce: false).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../../src/main/engine/core/errors'
import type { DurableQueueLog } from '../../../../src/main/engine/queue/queue-log-types'
import { eventually } from '../../../helpers/monitor-harness'
import { tempDir } from '../../../helpers/temp-dir'
import { admin, openReplayFixture, ownDatabase } from './support/replay-fixture'

let db: { name: string; drop(): Promise<void> }
beforeAll(async () => {
  db = await ownDatabase('lg_replay_once')
})
afterAll(async () => {
  await db?.drop()
})

/** The process dies right after COMMIT: the local acknowledgement never happens. */
function crashAfterCommit(log: DurableQueueLog): DurableQueueLog {
  return new Proxy(log, {
    get(target, property) {
      if (property === 'markApplied')
        return () => Promise.reject(new LifeguardError('storage', 'simulated crash after COMMIT'))
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value
    },
  })
}

const insert = 'INSERT INTO payments (amount) VALUES ($1)'
const rows = async () =>
  (await admin<{ amount: number }>('SELECT amount FROM payments ORDER BY id', [], db.name)).map(
    (r) => r.amount,
  )

describe('a crash between COMMIT and the local acknowledgement', () => {
  it('with the exactly-once table: the write exists exactly once after replay from a fresh queue', async () => {
    await admin(
      'DROP TABLE IF EXISTS payments; CREATE TABLE payments (id bigserial PRIMARY KEY, amount int NOT NULL)',
      [],
      db.name,
    )
    const data = tempDir('lifeguard-once-')
    try {
      const first = await openReplayFixture({
        database: db.name,
        dataDir: data.dir,
        wrapLog: crashAfterCommit,
      })
      let id: string
      try {
        expect((await first.queue.setExactlyOnce(true)).exactlyOnce).toBe(true)
        id = (await first.queue.enqueue({ sql: insert, params: [42] })).id
        await eventually(async () => first.queue.status().state === 'storage-failed', 10_000)
        expect(first.queue.status().storageError?.message).toMatch(/simulated crash after COMMIT/)
        expect(await rows()).toEqual([42])
        expect(first.log.queued().map((o) => o.id)).toEqual([id])
      } finally {
        await first.close() // the "process" is gone; its log is closed as a crash leaves it
      }

      const second = await openReplayFixture({
        database: db.name,
        dataDir: data.dir,
        settings: { exactlyOnce: true },
      })
      try {
        await eventually(async () => second.log.stats().depth === 0, 10_000)
        await second.queue.settled()
        expect(await rows()).toEqual([42])
        const recorded = await admin<{ id: string; payload_hash: string }>(
          'SELECT id, payload_hash FROM lifeguard.applied_operations',
          [],
          db.name,
        )
        expect(recorded).toEqual([{ id, payload_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }])
        const applied = second.events.find((e) => e.kind === 'queue-applied')
        expect(applied?.data['alreadyApplied']).toBe(1)

        // The same id with another payload is not the operation that was applied: refused.
        await second.queue.enqueue({ id, sql: insert, params: [43] })
        await eventually(async () => second.queue.status().state === 'blocked', 10_000)
        expect(second.queue.status().blocked?.error.message).toMatch(
          /operation id reused with a different payload/,
        )
        expect(await rows()).toEqual([42])
      } finally {
        await second.close()
      }
    } finally {
      data.cleanup()
    }
  })

  it('without it (no consent): the write is applied twice, and the status said at-least-once', async () => {
    await admin(
      'DROP TABLE IF EXISTS payments; CREATE TABLE payments (id bigserial PRIMARY KEY, amount int NOT NULL)',
      [],
      db.name,
    )
    const data = tempDir('lifeguard-once-')
    try {
      const first = await openReplayFixture({
        database: db.name,
        dataDir: data.dir,
        wrapLog: crashAfterCommit,
      })
      try {
        expect(first.queue.status().exactlyOnce).toBe(false)
        await first.queue.enqueue({ sql: insert, params: [7] })
        await eventually(async () => first.queue.status().state === 'storage-failed', 10_000)
      } finally {
        await first.close()
      }
      const second = await openReplayFixture({ database: db.name, dataDir: data.dir })
      try {
        await eventually(async () => second.log.stats().depth === 0, 10_000)
        expect(await rows()).toEqual([7, 7])
        expect(second.queue.status().exactlyOnce).toBe(false)
      } finally {
        await second.close()
      }
    } finally {
      data.cleanup()
    }
  })
})
