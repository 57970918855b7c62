/**
 * Replay order on the real PostgreSQL with a transient and a permanent error in the middle:
 * eight queued INSERTs (left by "a previous run" in the durable log); the third waits on a row
 * lock and its backend is killed with pg_terminate_backend (57P01: transient); the fifth hits a
 * unique violation (23505: permanent). Order is kept, the killed one is applied once, nothing
 * after the fifth runs until the user skips it, and the fifth is kept aside with its error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { eventually } from '../../../helpers/monitor-harness'
import { pgTarget } from '../../../helpers/pg-target'
import { admin, openReplayFixture, ownDatabase } from './support/replay-fixture'

let db: { name: string; drop(): Promise<void> }

beforeAll(async () => {
  db = await ownDatabase('lg_replay_order')
})
afterAll(async () => {
  await db?.drop()
})

const insert = 'INSERT INTO items (v) VALUES ($1)'
const lockedInsert =
  'WITH l AS (UPDATE locks SET n = n + 1 WHERE k = 1 RETURNING k) INSERT INTO items (v) SELECT $1::int FROM l'

describe.each([
  ['in batches', 100],
  ['one at a time', 1],
])('replay on PostgreSQL (%s)', (_label, batchSize) => {
  it('keeps order through a killed backend and stops at a unique violation until skipped', async () => {
    await admin('DROP TABLE IF EXISTS items, locks', [], db.name)
    await admin(
      'CREATE TABLE items (id bigserial PRIMARY KEY, v int NOT NULL UNIQUE); ' +
        'CREATE TABLE locks (k int PRIMARY KEY, n int NOT NULL); INSERT INTO locks VALUES (1, 0); ' +
        'INSERT INTO items (v) VALUES (5)',
      [],
      db.name,
    )
    const holder = new pg.Client({
      ...pgTarget(),
      database: db.name,
      application_name: 'lg-test-lock',
    })
    await holder.connect()
    await holder.query('BEGIN')
    await holder.query('SELECT * FROM locks WHERE k = 1 FOR UPDATE')
    const ids: string[] = []
    const fixture = await openReplayFixture({
      database: db.name,
      settings: { batchSize },
      prefill: async (log) => {
        for (let v = 1; v <= 8; v++) {
          const op = await log.enqueue({
            id: `order-${batchSize}-${v}`,
            kind: 'statement',
            payload: { sql: v === 3 ? lockedInsert : insert, params: [v] },
            enqueuedAt: Date.now(),
          })
          ids.push(op.id)
        }
      },
    })
    try {
      // The third write waits for the row lock: kill the backend running it, then let go.
      let pid = 0
      await eventually(async () => {
        const rows = await admin<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
          [fixture.applicationName],
        )
        pid = rows[0]?.pid ?? 0
        return pid !== 0
      }, 10_000)
      await admin('SELECT pg_terminate_backend($1)', [pid])
      await holder.query('ROLLBACK')

      await eventually(async () => fixture.queue.status().state === 'blocked', 15_000)
      const status = fixture.queue.status()
      expect(status.blocked).toMatchObject({ operationId: ids[4], why: 'permanent-error' })
      expect(status.blocked!.error.sqlstate).toBe('23505')
      const values = async () =>
        (await admin<{ v: number }>('SELECT v FROM items ORDER BY id', [], db.name)).map((r) => r.v)
      expect(await values()).toEqual([5, 1, 2, 3, 4])
      // The killed attempt was rolled back: the locked write took effect exactly once.
      expect(await admin('SELECT n FROM locks', [], db.name)).toEqual([{ n: 1 }])
      const killed = fixture.events.find(
        (e) => e.kind === 'queue-failed' && e.data['sqlstate'] === '57P01',
      )
      // ... and its error was attributed to it: an attempt of its own, or the batch's failure there.
      expect(killed?.data['operationId']).toBe(ids[2])
      expect(killed?.data[batchSize === 1 ? 'attempt' : 'batch']).toBe(batchSize === 1 ? 1 : true)
      expect(fixture.log.queued().map((o) => o.id)).toEqual(ids.slice(4))

      await fixture.queue.resolve(ids[4]!, 'skip')
      await eventually(async () => fixture.queue.status().depth === 0, 15_000)
      await fixture.queue.settled()
      expect(await values()).toEqual([5, 1, 2, 3, 4, 6, 7, 8])
      expect(fixture.log.aside()).toMatchObject([
        { id: ids[4], reason: 'skipped', lastError: { sqlstate: '23505' } },
      ])
      const stats = fixture.log.stats()
      expect(stats.applied + fixture.log.aside().length + stats.depth).toBe(stats.enqueued)
    } finally {
      await holder.end().catch(() => undefined)
      await fixture.close()
    }
  })
})
