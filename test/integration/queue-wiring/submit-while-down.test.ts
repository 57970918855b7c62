/**
 * queue:submit through a real Monitor on the real PostgreSQL: while the profile is usable a write
 * runs at once (its row count answered); when the database goes away (a fault proxy refuses and
 * resets connections) the same write is refused as 'unavailable' with the reason and nothing is
 * queued; queued on request (acknowledged with its position), the writes wait, and once the
 * database is back they are replayed in the order they were submitted, each once. The queue's
 * events are in the profile's Events tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Monitor } from '../../../src/main/engine/monitor/monitor'
import type { FaultProxy } from '../../helpers/fault-proxy'
import { eventually } from '../../helpers/monitor-harness'
import { tempDir } from '../../helpers/temp-dir'
import {
  admin,
  cutOff,
  openFastMonitor,
  outageProxy,
  ownDatabase,
  saveProfile,
  untilConnected,
} from './support/wiring-fixture'

let db: { name: string; drop(): Promise<void> }
let proxy: FaultProxy
let monitor: Monitor | undefined
const temp = tempDir('lifeguard-qw-submit-')

beforeAll(async () => {
  db = await ownDatabase('lg_qw_submit')
  await admin('CREATE TABLE writes (n bigserial PRIMARY KEY, v int NOT NULL)', [], db.name)
  proxy = await outageProxy()
})
afterAll(async () => {
  await monitor?.dispose()
  await proxy?.close()
  await db?.drop()
  temp.cleanup()
})

const insert = 'INSERT INTO writes (v) VALUES ($1)'
const rows = async () =>
  (await admin<{ v: number }>('SELECT v FROM writes ORDER BY n', [], db.name)).map((r) => r.v)

describe('a write submitted to a profile that is down', () => {
  it('is refused as unavailable, queued on request, and replayed in order when the database is back', async () => {
    const m = (monitor = openFastMonitor(temp.dir))
    const id = saveProfile(m, 'orders', db.name, proxy)
    await m.connect(id)
    await m.queues.ready()
    expect(await m.queues.submit(id, insert, [0], false)).toEqual({
      outcome: 'applied',
      rowCount: 1,
    })

    await cutOff(proxy)
    await untilConnected(m, id, false)
    const refused = await m.queues.submit(id, insert, [1], false)
    expect(refused).toMatchObject({
      outcome: 'unavailable',
      reason: { code: 'service-unavailable' },
    })
    if (refused.outcome !== 'unavailable') throw new Error('not refused')
    expect(refused.reason.message).toMatch(/the profile is (connecting|failed)/)
    expect(m.queues.status(id).enqueued).toBe(0)

    const positions: number[] = []
    for (const v of [1, 2, 3]) {
      const answer = await m.queues.submit(id, insert, [v], true)
      if (answer.outcome !== 'queued') throw new Error(`not queued: ${JSON.stringify(answer)}`)
      positions.push(answer.position)
    }
    expect(positions).toEqual([1, 2, 3])
    expect(m.queues.status(id)).toMatchObject({
      depth: 3,
      enqueued: 3,
      state: 'waiting-for-database',
    })
    expect(await rows()).toEqual([0])

    await proxy.refuseNew(false)
    await eventually(async () => (await rows()).length === 4, 15_000)
    expect(await rows()).toEqual([0, 1, 2, 3])
    await eventually(async () => m.queues.status(id).depth === 0)
    expect(m.queues.status(id)).toMatchObject({ enqueued: 3, applied: 3, movedAside: 0 })
    const kinds = m.listEvents(id, {}).events.map((e) => e.kind)
    expect(kinds.filter((k) => k === 'queue-enqueued')).toHaveLength(3)
    expect(kinds).toContain('queue-applied')
  })
})
