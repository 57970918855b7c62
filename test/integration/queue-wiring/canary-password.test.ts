/**
 * reliability.md G.34 for the write queue and the history sink: a profile whose password is a
 * canary goes through every queue flow (a direct write, a refused one, writes queued during an
 * outage and replayed, one that stops replay with a permanent error and is skipped, the history
 * sink writing its snapshots into that profile's database, exports) and the canary is found in
 * no queue file, consent or preferences file, export, event, status, view or message, nor in the
 * rows Lifeguard wrote on the server.
 */
import fs from 'node:fs'
import path from 'node:path'
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
  uniqueName,
  untilConnected,
} from './support/wiring-fixture'

const role = uniqueName('lg_canary')
const canary = `Canary-${Math.random().toString(36).slice(2)}-pw`
let db: { name: string; drop(): Promise<void> }
let proxy: FaultProxy
let monitor: Monitor | undefined
const temp = tempDir('lifeguard-qw-canary-')

beforeAll(async () => {
  await admin(`CREATE ROLE ${role} LOGIN PASSWORD '${canary}'`)
  db = await ownDatabase('lg_qw_canary')
  await admin(`ALTER DATABASE ${db.name} OWNER TO ${role}`)
  await admin('CREATE TABLE writes (v int PRIMARY KEY)', [], db.name)
  await admin(`ALTER TABLE writes OWNER TO ${role}`, [], db.name)
  proxy = await outageProxy()
})
afterAll(async () => {
  await monitor?.dispose()
  await proxy?.close()
  await db?.drop()
  await admin(`DROP ROLE IF EXISTS ${role}`)
  temp.cleanup()
})

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

describe('the canary password and the write queue', () => {
  it('appears in no queue file, export, event, status or message, nor in what was written', async () => {
    const m = (monitor = openFastMonitor(temp.dir))
    const seen: string[] = []
    for (const channel of [
      'queue:changed',
      'history:changed',
      'events:recorded',
      'app:warning-raised',
    ] as const)
      m.events.on(channel, (payload: unknown) => seen.push(JSON.stringify(payload)))
    const id = saveProfile(m, 'canary', db.name, proxy, { user: role, password: canary })
    await m.connect(id)
    await m.queues.ready()
    const insert = 'INSERT INTO writes (v) VALUES ($1)'
    expect(await m.queues.submit(id, insert, [1], false)).toMatchObject({ outcome: 'applied' })
    await m.queues.submit(id, insert, [1], false).catch((error: Error) => seen.push(error.message))

    m.setPreferences({ historySink: { profileId: id, intervalMs: 1_000 } })
    await m.history.createTables()
    await eventually(async () => m.queues.status(id).applied >= 1, 10_000)

    await cutOff(proxy)
    await untilConnected(m, id, false)
    seen.push(JSON.stringify(await m.queues.submit(id, insert, [2], false)))
    for (const v of [2, 1, 3])
      seen.push(JSON.stringify(await m.queues.submit(id, insert, [v], true)))
    await proxy.refuseNew(false)
    await eventually(async () => m.queues.status(id).state === 'blocked', 15_000)
    const blocked = m.queues.status(id).blocked!
    seen.push(JSON.stringify(await m.queues.resolve(id, blocked.operationId, 'skip')))
    await eventually(async () => m.queues.status(id).depth === 0, 10_000)
    m.setPreferences({ historySink: { profileId: null, intervalMs: 1_000 } })

    seen.push(JSON.stringify(await m.queues.view(id)))
    seen.push((await m.queues.export(id, 'all')).content)
    for (const format of ['json', 'csv', 'prometheus'] as const)
      seen.push(m.exportMetrics([id], format, '1h').content)
    seen.push(JSON.stringify(m.listEvents(id, {})))
    seen.push(JSON.stringify(m.snapshot()))
    seen.push(JSON.stringify(m.history.status()))
    seen.push(JSON.stringify(m.info()))
    for (const file of filesUnder(temp.dir)) seen.push(fs.readFileSync(file, 'utf8'))
    const written = await admin<{ row: string }>(
      'SELECT row_to_json(s)::text AS row FROM lifeguard.pool_snapshots s UNION ALL SELECT row_to_json(a)::text FROM lifeguard.applied_operations a',
      [],
      db.name,
    )
    expect(written.length).toBeGreaterThan(3)
    seen.push(...written.map((w) => w.row))

    // The flows above really happened (so the search below is not over nothing).
    expect(m.queues.status(id)).toMatchObject({ movedAside: 1, applied: expect.any(Number) })
    expect(filesUnder(path.join(temp.dir, 'queue')).some((f) => f.endsWith('.jsonl'))).toBe(true)
    expect(seen.join('\n')).toContain('duplicate key')
    const leaks = seen.filter((text) => text.includes(canary))
    expect(leaks).toEqual([])
  })
})
