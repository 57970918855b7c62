/**
 * The cockpit's invokes reach the engine through the shared dispatch: pool control, the events
 * list, the metrics history, the load lab; an unknown profile is 'not-found', a bad state
 * 'invalid-state'; metrics:save without a saver (browser mode) says to use the download, and with
 * one answers where the file went.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/engine/handlers'
import { createDispatch } from '../../../src/main/transport/dispatch'
import { stubMonitor } from './support'

let h: ReturnType<typeof stubMonitor>
afterEach(async () => h.close())

describe('cockpit handlers', () => {
  it('drain, resume, shutdown, events and history through the dispatch', async () => {
    h = stubMonitor()
    const dispatch = createDispatch(createHandlers(h.monitor))
    const p = h.monitor.saveProfile(undefined, h.draft('prod'))
    expect(await dispatch('pool:drain', { id: p.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-state' },
    })
    expect(await dispatch('pool:drain', { id: 'ghost' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    await h.monitor.connect(p.id)
    await h.clock.advance(3_000)
    expect(
      await dispatch('pool:drain', { id: p.id, deadlineMs: 1000, onDeadline: 'terminate' }),
    ).toMatchObject({
      ok: true,
      data: { drain: { inUseAtStart: 0, onDeadline: 'terminate' } },
    })
    await h.clock.advance(10)
    // Nothing was in use: drained at once.
    expect(h.monitor.snapshot().statuses[0]).toMatchObject({
      poolState: 'drained',
      drain: { phase: 'drained' },
    })
    expect(await dispatch('pool:resume', { id: p.id })).toMatchObject({
      ok: true,
      data: { poolState: 'running', drain: { phase: 'resumed' } },
    })
    const history = await dispatch('metrics:get-history', { id: p.id, range: '5m' })
    expect(history).toMatchObject({
      ok: true,
      data: { profileId: p.id, range: '5m', resolutionMs: 1000 },
    })
    const points = (history as { data: { points: Array<{ stats: object }> } }).data.points
    expect(points.length).toBeGreaterThanOrEqual(2)
    expect(points[0]!.stats).toMatchObject({ waitP50Ms: 0, waitP95Ms: 0, waitP99Ms: 0 })

    // Let the probe that follows the resume finish: then nothing is in use.
    await h.clock.advance(500)
    const shutdown = await dispatch('pool:shutdown', { id: p.id })
    expect(shutdown).toMatchObject({
      ok: true,
      data: { terminated: 0, closed: 2, status: { state: 'disconnected' } },
    })
    await h.clock.advance(300)
    const list = await dispatch('events:list', {
      id: p.id,
      kinds: ['drain-started', 'drain-ended'],
    })
    expect(list).toMatchObject({ ok: true })
    const kinds = (list as { data: { events: Array<{ kind: string }> } }).data.events.map(
      (e) => e.kind,
    )
    expect(kinds).toEqual(['drain-ended', 'drain-started'])
  })

  it('the load lab: defaults off for a user profile, set through the dispatch, pushed', async () => {
    h = stubMonitor()
    const dispatch = createDispatch(createHandlers(h.monitor))
    const p = h.monitor.saveProfile(undefined, h.draft('prod'))
    const pushed: boolean[] = []
    h.monitor.events.on('workload:changed', (s) => pushed.push(s.running))
    expect(await dispatch('loadlab:get', { id: p.id })).toMatchObject({
      ok: true,
      data: { running: false, settings: { enabled: false } },
    })
    const settings = {
      enabled: true,
      clients: 2,
      ratePerSecond: 4,
      query: 'select-1',
      sleepMs: 0,
      leakEverySeconds: null,
      leakHoldMs: 1000,
    }
    expect(await dispatch('loadlab:set', { id: p.id, settings })).toMatchObject({
      ok: true,
      data: { running: false, settings },
    })
    await h.monitor.connect(p.id)
    expect(h.monitor.getWorkload(p.id).running).toBe(true)
    await h.clock.advance(2_000)
    expect(h.monitor.getWorkload(p.id).completed).toBeGreaterThan(4)
    await h.monitor.disconnect(p.id)
    expect(pushed.slice(-1)).toEqual([false])
    expect(h.monitor.getWorkload(p.id)).toMatchObject({
      running: false,
      settings: { enabled: true },
    })
  })

  it('metrics:save: refused without a saver, saved with one', async () => {
    h = stubMonitor()
    const p = h.monitor.saveProfile(undefined, h.draft('prod'))
    const web = createDispatch(createHandlers(h.monitor))
    expect(await web('metrics:save', { ids: [p.id], format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-state', message: expect.stringMatching(/use the download/) },
    })
    const saved: Array<[string, string, string]> = []
    const desktop = createDispatch(
      createHandlers(h.monitor, {
        saveFile: async (fileName, contentType, content) => {
          saved.push([fileName, contentType, content])
          return { saved: true, path: `/home/dba/${fileName}` }
        },
      }),
    )
    const answer = await desktop('metrics:save', { ids: [p.id], format: 'prometheus' })
    expect(saved).toHaveLength(1)
    const [fileName, contentType, content] = saved[0]!
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(answer).toEqual({
      ok: true,
      data: { saved: true, fileName, bytes: Buffer.byteLength(content) },
    })
    const cancelled = createDispatch(
      createHandlers(h.monitor, { saveFile: async () => ({ saved: false }) }),
    )
    expect(await cancelled('metrics:save', { format: 'json' })).toMatchObject({
      ok: true,
      data: { saved: false, bytes: 0 },
    })
  })
})
