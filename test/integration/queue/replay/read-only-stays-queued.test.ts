/**
 * A database that takes no writes keeps them queued, and the queue's state says why. A standby
 * cannot be made here (one embedded server), so the database is made read-only for new sessions
 * with `ALTER DATABASE ... SET default_transaction_read_only = on`: the INSERT then fails with
 * 25006 as it would on a standby. Once writes are allowed again (the setting reset, the pool's
 * sessions recycled) the queued writes apply, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../helpers/monitor-harness'
import { admin, openReplayFixture, ownDatabase } from './support/replay-fixture'

let db: { name: string; drop(): Promise<void> }
beforeAll(async () => {
  db = await ownDatabase('lg_replay_ro')
  await admin('CREATE TABLE t (id bigserial PRIMARY KEY, v int NOT NULL)', [], db.name)
  await admin(`ALTER DATABASE ${db.name} SET default_transaction_read_only = on`)
})
afterAll(async () => {
  await db?.drop()
})

describe('a read-only database', () => {
  it('keeps writes queued with the reason shown, and applies them once it takes writes', async () => {
    const fixture = await openReplayFixture({ database: db.name, settings: { maxAttempts: 3 } })
    try {
      const outcome = await fixture.queue.submit('INSERT INTO t (v) VALUES ($1)', [1], {
        queueIfUnavailable: true,
      })
      expect(outcome.outcome).toBe('queued')
      await fixture.queue.enqueue({ sql: 'INSERT INTO t (v) VALUES ($1)', params: [2] })
      await eventually(async () => fixture.queue.status().wait?.reason === 'read-only', 10_000)
      const status = fixture.queue.status()
      expect(status.state).toBe('waiting-for-database')
      expect(status.wait?.message).toMatch(/read-only/)
      expect(status.depth).toBe(2)
      // Being read-only is not the operations' fault: no attempts are used up, nothing is blocked.
      expect(fixture.log.queued().map((o) => o.attempts)).toEqual([0, 0])
      expect(await admin('SELECT count(*)::int AS n FROM t', [], db.name)).toEqual([{ n: 0 }])

      await admin(`ALTER DATABASE ${db.name} RESET default_transaction_read_only`)
      await admin(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [fixture.applicationName],
      )
      await eventually(async () => fixture.log.stats().depth === 0, 20_000)
      expect(
        (await admin<{ v: number }>('SELECT v FROM t ORDER BY id', [], db.name)).map((r) => r.v),
      ).toEqual([1, 2])
    } finally {
      await fixture.close()
    }
  })
})
