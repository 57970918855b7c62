/**
 * A burst of samples (or statuses) delivered in one task (a batched WebSocket frame) becomes one
 * store update: one round of selector checks for the whole burst, not one per event.
 */
import { describe, expect, it } from 'vitest'
import { microBatch, startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { fakeTransport, settle } from './event-bridge-fixture'
import { sample, stats, status } from './store-fixture'

describe('event bridge: samples in bursts', () => {
  it('200 samples of one frame: one store update with all of them', async () => {
    const fake = fakeTransport()
    fake.answers['monitor:get-snapshot'] = () => ({
      ok: true,
      data: { profiles: [], statuses: [] },
    })
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    const ids = Array.from({ length: 200 }, (_, i) => `p${i}`)
    for (const id of ids) fake.emit('connection:state-changed', status(id, 'connected', 1))
    await settle()
    let updates = 0
    store.subscribe(() => updates++)
    for (const id of ids) fake.emit('pool:stats-changed', sample(id, 5_000, 3))
    expect(updates).toBe(0)
    await settle()
    expect(updates).toBe(1)
    for (const id of ids) expect(selectors.statuses.pool(id)(store.getState())).toEqual(stats(3))
  })

  it('statuses and server summaries of one frame: one store update each', async () => {
    const fake = fakeTransport()
    fake.answers['monitor:get-snapshot'] = () => ({
      ok: true,
      data: { profiles: [], statuses: [] },
    })
    const store = createLifeguardStore()
    startEventBridge(fake.transport, store)
    await settle()
    let updates = 0
    store.subscribe(() => updates++)
    for (let i = 0; i < 50; i++)
      fake.emit('connection:state-changed', status(`p${i}`, 'connected', 1))
    expect(updates).toBe(0)
    await settle()
    expect(updates).toBe(1)
    expect(selectors.statuses.state('p49')(store.getState())).toBe('connected')
  })

  it('microBatch hands each burst over once, in order, and starts a new one afterwards', async () => {
    const batches: number[][] = []
    const push = microBatch<number>((items) => batches.push(items))
    push(1)
    push(2)
    push(3)
    await Promise.resolve()
    push(4)
    await Promise.resolve()
    expect(batches).toEqual([[1, 2, 3], [4]])
  })
})
