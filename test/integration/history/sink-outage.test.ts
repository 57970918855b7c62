/**
 * The history sink on the real PostgreSQL, through a real Monitor: tables created on consent on
 * the sink's database; a snapshot of every connected profile every second; the sink's database
 * goes away (a fault proxy refuses and resets its connections) while another profile stays
 * connected, so snapshots pile up in the sink's durable queue; when it is back they land, in the
 * order they were taken. In the end the table holds exactly the snapshots that were queued: as
 * many rows as the queue acknowledged, no id twice, none missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Monitor } from '../../../src/main/engine/monitor/monitor'
import type { FaultProxy } from '../../helpers/fault-proxy'
import { eventually } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { tempDir } from '../../helpers/temp-dir'
import {
  admin,
  cutOff,
  openFastMonitor,
  outageProxy,
  ownDatabase,
  saveProfile,
  untilConnected,
} from '../queue-wiring/support/wiring-fixture'

let sinkDb: { name: string; drop(): Promise<void> }
let proxy: FaultProxy
let monitor: Monitor | undefined
const temp = tempDir('lifeguard-history-it-')

beforeAll(async () => {
  sinkDb = await ownDatabase('lg_hist_sink')
  proxy = await outageProxy()
})
afterAll(async () => {
  await monitor?.dispose()
  await proxy?.close()
  await sinkDb?.drop()
  temp.cleanup()
})

interface Row {
  snapshot_id: string
  profile_id: string
  taken_at: Date
  written_at: Date
  pool_max: number | null
}

const rows = () =>
  admin<Row>(
    'SELECT snapshot_id, profile_id, taken_at, written_at, pool_max FROM lifeguard.pool_snapshots ORDER BY row_seq',
    [],
    sinkDb.name,
  )

describe('the history sink through an outage of its database', () => {
  it('keeps every snapshot on disk meanwhile and writes each exactly once, in order, afterwards', async () => {
    const m = (monitor = openFastMonitor(temp.dir))
    const sink = saveProfile(m, 'history', sinkDb.name, proxy)
    const other = saveProfile(m, 'orders', pgTarget().database)
    await m.connect(sink)
    await m.connect(other)
    await m.queues.ready()
    m.setPreferences({ historySink: { profileId: sink, intervalMs: 1_000 } })
    expect(m.history.status()).toMatchObject({ profileId: sink, tablesReady: false })
    expect((await m.history.createTables()).tablesReady).toBe(true)
    expect(m.queues.status(sink).exactlyOnce).toBe(true)
    await eventually(async () => (await rows()).length >= 2, 10_000)

    await cutOff(proxy)
    await untilConnected(m, sink, false)
    const downAt = Date.now()
    await eventually(async () => m.queues.status(sink).depth >= 3, 15_000)
    const waiting = m.queues.status(sink)
    expect(waiting.state).toBe('waiting-for-database')

    const backAt = Date.now()
    await proxy.refuseNew(false)
    await untilConnected(m, sink, true)
    await eventually(async () => m.queues.status(sink).depth === 0, 15_000)
    m.setPreferences({ historySink: { profileId: null, intervalMs: 1_000 } })
    await eventually(async () => m.queues.status(sink).depth === 0, 15_000)

    const landed = await rows()
    const queue = m.queues.status(sink)
    expect(landed.length).toBe(queue.enqueued)
    expect(queue.applied).toBe(queue.enqueued)
    expect(new Set(landed.map((r) => r.snapshot_id)).size).toBe(landed.length)
    const counts = await admin<{ n: number; distinct: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT snapshot_id)::int AS distinct FROM lifeguard.pool_snapshots',
      [],
      sinkDb.name,
    )
    expect(counts[0]).toEqual({ n: landed.length, distinct: landed.length })
    // In the order taken: the server's row order never goes back in time.
    for (let i = 1; i < landed.length; i++)
      expect(landed[i]!.taken_at.getTime()).toBeGreaterThanOrEqual(
        landed[i - 1]!.taken_at.getTime(),
      )
    // The outage's snapshots (of the other profile only: the sink was not connected) were taken
    // while the sink's database was away and written only once it was back.
    const duringOutage = landed.filter(
      (r) => r.taken_at.getTime() >= downAt && r.taken_at.getTime() < backAt,
    )
    expect(duringOutage.length).toBeGreaterThanOrEqual(waiting.depth)
    expect(new Set(duringOutage.map((r) => r.profile_id))).toEqual(new Set([other]))
    for (const r of duringOutage) expect(r.written_at.getTime()).toBeGreaterThanOrEqual(backAt)
    for (const r of landed)
      expect(r.snapshot_id).toBe(`snapshot:${r.profile_id}:${r.taken_at.getTime()}`)
    expect(landed.every((r) => r.pool_max !== null)).toBe(true)
    // And the exactly-once table knows every one of them.
    const recorded = await admin<{ n: number }>(
      "SELECT count(*)::int AS n FROM lifeguard.applied_operations WHERE id LIKE 'snapshot:%'",
      [],
      sinkDb.name,
    )
    expect(recorded[0]?.n).toBe(landed.length)
  })
})
