/**
 * The history sink's cadence on a fake clock: one snapshot per interval once the tables exist
 * (none before, none without a sink), every connected profile in one go, a new interval or sink
 * takes effect at once, and a slow enqueue never stretches the cadence.
 */
import { describe, expect, it } from 'vitest'
import { source, sinkHarness } from './support'

const sources = [source('p-a', 'orders', 1), source('p-b', 'billing', 2)]

describe('history sink cadence', () => {
  it('takes nothing until the tables exist, then one snapshot of every profile per interval', async () => {
    const h = sinkHarness({ profileId: 'sink', intervalMs: 10_000 }, sources)
    await h.clock.advance(35_000)
    expect(h.enqueued).toEqual([])
    expect(h.sink.status()).toMatchObject({
      profileId: 'sink',
      tablesReady: false,
      snapshotsTaken: 0,
    })

    await h.sink.createTables()
    expect(h.sink.status().tablesReady).toBe(true)
    await h.clock.advance(45_000) // the timer armed at 30 s fires at 40, 50, 60, 70 and 80 s
    expect(h.enqueued.map((e) => e.at)).toEqual([40_000, 50_000, 60_000, 70_000, 80_000])
    for (const e of h.enqueued) {
      expect(e.sink).toBe('sink')
      expect(e.operations.map((op) => op.params?.[2])).toEqual(['p-a', 'p-b'])
    }
    const status = h.sink.status()
    expect(status.snapshotsTaken).toBe(10)
    expect(status.lastSnapshotAt).toBe(Date.UTC(2026, 0, 1) + 80_000)
    expect(status.lastError).toBeNull()
    expect(h.statuses.at(-1)).toEqual(status)
  })

  it('follows a new interval at once, and stops with no sink', async () => {
    const h = sinkHarness({ profileId: 'sink', intervalMs: 10_000 }, sources)
    await h.sink.createTables()
    await h.clock.advance(10_000)
    expect(h.enqueued).toHaveLength(1)
    h.set({ profileId: 'sink', intervalMs: 2_000 })
    await h.clock.advance(6_000)
    expect(h.enqueued.map((e) => e.at)).toEqual([10_000, 12_000, 14_000, 16_000])
    h.set({ profileId: null, intervalMs: 2_000 })
    await h.clock.advance(60_000)
    expect(h.enqueued).toHaveLength(4)
    expect(h.sink.status()).toMatchObject({ profileId: null, snapshotsTaken: 0 })
    expect(h.clock.pendingTimers).toBe(0)
  })

  it('a refused enqueue is reported and the cadence goes on', async () => {
    const h = sinkHarness({ profileId: 'sink', intervalMs: 1_000 }, sources)
    await h.sink.createTables()
    h.refuseWith(Object.assign(new Error('queue full'), { name: 'Error' }))
    await h.clock.advance(3_000)
    expect(h.enqueued).toHaveLength(3)
    expect(h.sink.status()).toMatchObject({
      snapshotsTaken: 0,
      lastSnapshotAt: null,
      lastError: { message: 'queue full' },
    })
    h.refuseWith(null)
    await h.clock.advance(1_000)
    expect(h.sink.status()).toMatchObject({ snapshotsTaken: 2, lastError: null })
  })

  it('an enqueue that hangs does not stretch the cadence', async () => {
    const h = sinkHarness({ profileId: 'sink', intervalMs: 5_000 }, sources)
    await h.sink.createTables()
    h.holdEnqueues()
    await h.clock.advance(20_000)
    expect(h.enqueued.map((e) => e.at)).toEqual([5_000, 10_000, 15_000, 20_000])
    expect(h.sink.status().snapshotsTaken).toBe(0)
  })

  it('dispose leaves no timer', async () => {
    const h = sinkHarness({ profileId: 'sink', intervalMs: 1_000 }, sources)
    expect(h.clock.pendingTimers).toBe(1)
    h.sink.dispose()
    expect(h.clock.pendingTimers).toBe(0)
  })
})
