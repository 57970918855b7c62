/**
 * lifeguard.applied_operations is created only after the user consented, and only in schema
 * `lifeguard`, whatever the role's search_path says (identifiers are fixed and qualified).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../helpers/monitor-harness'
import { admin, openReplayFixture, ownDatabase } from './support/replay-fixture'

let db: { name: string; drop(): Promise<void> }
beforeAll(async () => {
  db = await ownDatabase('lg_replay_consent')
  // A search_path that would catch an unqualified CREATE TABLE.
  await admin(
    'CREATE SCHEMA decoy; CREATE TABLE decoy.t (v int); CREATE TABLE public.t (v int)',
    [],
    db.name,
  )
  await admin(`ALTER DATABASE ${db.name} SET search_path = decoy, public`)
})
afterAll(async () => {
  await db?.drop()
})

const tablesNamed = (name: string) =>
  admin<{ schemaname: string }>(
    'SELECT schemaname FROM pg_tables WHERE tablename = $1',
    [name],
    db.name,
  )

describe('the exactly-once table', () => {
  it('does not exist after replays without consent, and appears in schema lifeguard on consent', async () => {
    const fixture = await openReplayFixture({ database: db.name })
    try {
      for (let v = 1; v <= 3; v++)
        await fixture.queue.enqueue({ sql: 'INSERT INTO t (v) VALUES ($1)', params: [v] })
      await eventually(async () => fixture.log.stats().applied === 3, 10_000)
      expect(await admin('SELECT count(*)::int AS n FROM decoy.t', [], db.name)).toEqual([{ n: 3 }])
      expect(
        await admin("SELECT nspname FROM pg_namespace WHERE nspname = 'lifeguard'", [], db.name),
      ).toEqual([])
      expect(await tablesNamed('applied_operations')).toEqual([])

      await fixture.queue.setExactlyOnce(true)
      expect(await tablesNamed('applied_operations')).toEqual([{ schemaname: 'lifeguard' }])
      const columns = await admin<{ column_name: string; data_type: string; is_nullable: string }>(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'lifeguard' AND table_name = 'applied_operations' ORDER BY ordinal_position",
        [],
        db.name,
      )
      expect(columns).toEqual([
        { column_name: 'id', data_type: 'text', is_nullable: 'NO' },
        { column_name: 'payload_hash', data_type: 'text', is_nullable: 'NO' },
        { column_name: 'applied_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
      ])
      const op = await fixture.queue.enqueue({ sql: 'INSERT INTO t (v) VALUES ($1)', params: [4] })
      await eventually(async () => fixture.log.stats().applied === 4, 10_000)
      expect(await admin('SELECT id FROM lifeguard.applied_operations', [], db.name)).toEqual([
        { id: op.id },
      ])
      expect(await tablesNamed('applied_operations')).toEqual([{ schemaname: 'lifeguard' }])
    } finally {
      await fixture.close()
    }
  })
})
