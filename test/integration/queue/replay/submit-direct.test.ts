/** A submitted write runs at once through the profile's pool when nothing is queued. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { admin, openReplayFixture, ownDatabase } from './support/replay-fixture'

let db: { name: string; drop(): Promise<void> }
beforeAll(async () => {
  db = await ownDatabase('lg_replay_submit')
  await admin('CREATE TABLE t (v int PRIMARY KEY)', [], db.name)
})
afterAll(async () => {
  await db?.drop()
})

describe('submit on a usable profile', () => {
  it('applies the write at once with its row count, and throws a permanent error as it is', async () => {
    const fixture = await openReplayFixture({ database: db.name })
    try {
      expect(
        await fixture.queue.submit('INSERT INTO t VALUES ($1), ($2)', [1, 2], {
          queueIfUnavailable: false,
        }),
      ).toEqual({
        outcome: 'applied',
        rowCount: 2,
      })
      await expect(
        fixture.queue.submit('INSERT INTO t VALUES ($1)', [1], { queueIfUnavailable: true }),
      ).rejects.toMatchObject({ code: 'query-failed', message: /duplicate key.*23505/ })
      expect(fixture.log.stats().enqueued).toBe(0)
      expect(await admin('SELECT v FROM t ORDER BY v', [], db.name)).toEqual([{ v: 1 }, { v: 2 }])
    } finally {
      await fixture.close()
    }
  })
})
