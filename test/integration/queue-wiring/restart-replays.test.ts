/**
 * Writes queued in one run are replayed by the next: a Monitor queues writes for a profile that is
 * not connected, is disposed (its queue store released), and a new Monitor on the same data
 * directory opens that profile's queue at start (before anyone asks for it), shows the writes
 * waiting, and applies them in order, once each, as soon as the profile connects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Monitor } from '../../../src/main/engine/monitor/monitor'
import { eventually } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { tempDir } from '../../helpers/temp-dir'
import { admin, openFastMonitor, ownDatabase, saveProfile } from './support/wiring-fixture'

let db: { name: string; drop(): Promise<void> }
const monitors: Monitor[] = []
const temp = tempDir('lifeguard-qw-restart-')

beforeAll(async () => {
  db = await ownDatabase('lg_qw_restart')
  await admin('CREATE TABLE writes (n bigserial PRIMARY KEY, v text NOT NULL)', [], db.name)
})
afterAll(async () => {
  for (const m of monitors) await m.dispose()
  await db?.drop()
  temp.cleanup()
})

const insert = 'INSERT INTO writes (v) VALUES ($1)'

describe('a restart with queued writes', () => {
  it('opens the queue at start and replays what the last run left', async () => {
    const first = openFastMonitor(temp.dir)
    monitors.push(first)
    const id = saveProfile(first, 'ledger', db.name)
    await first.queues.ready()
    for (const v of ['a', 'b', 'c'])
      expect(await first.queues.submit(id, insert, [v], true)).toMatchObject({ outcome: 'queued' })
    await first.dispose()

    const second = openFastMonitor(temp.dir)
    monitors.push(second)
    const pushed: number[] = []
    second.events.on('queue:changed', (s) => pushed.push(s.depth))
    await second.queues.ready()
    expect(second.snapshot().queues?.[0]).toMatchObject({
      profileId: id,
      depth: 3,
      enqueued: 3,
      state: 'waiting-for-database',
    })
    expect(pushed[0]).toBe(3)
    expect((await second.queues.view(id)).queued.map((op) => op.state)).toEqual([
      'queued',
      'queued',
      'queued',
    ])
    expect(await admin('SELECT v FROM writes', [], db.name)).toEqual([])

    await second.connect(id, pgTarget().password)
    await eventually(async () => second.queues.status(id).depth === 0, 10_000)
    const rows = await admin<{ v: string }>('SELECT v FROM writes ORDER BY n', [], db.name)
    expect(rows.map((r) => r.v)).toEqual(['a', 'b', 'c'])
    expect(second.queues.status(id)).toMatchObject({ enqueued: 3, applied: 3 })
  })
})
