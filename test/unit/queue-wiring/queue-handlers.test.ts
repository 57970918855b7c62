/**
 * The queue:* and history:* invokes reach the engine through the shared dispatch (validated
 * first): get, submit (queued while the profile is disconnected), export, requeue of an unknown
 * operation ('not-found'), an unknown profile ('not-found'); queue:save hands the export to the
 * desktop's saver and, in browser mode (no saver), says to use the download; history:get-status
 * and history:create-tables without a sink ('invalid-state').
 */
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/engine/handlers'
import { createDispatch } from '../../../src/main/transport/dispatch'
import { wiredMonitor } from './support'

describe('queue and history handlers', () => {
  it('answer through the dispatch', async () => {
    const h = wiredMonitor()
    const saved: Array<{ fileName: string; content: string }> = []
    const desktop = createDispatch(
      createHandlers(h.monitor, {
        saveFile: async (fileName, _type, content) => {
          saved.push({ fileName, content })
          return { saved: true, path: `/home/dba/${fileName}` }
        },
      }),
    )
    const browser = createDispatch(createHandlers(h.monitor))
    try {
      const id = await h.profile('orders', false)
      await h.monitor.queues.ready()
      const insert = { id, sql: 'INSERT INTO t VALUES ($1)', params: [1] }
      expect(await browser('queue:submit', { ...insert, queueIfUnavailable: false })).toMatchObject(
        {
          ok: true,
          data: { outcome: 'unavailable', reason: { code: 'service-unavailable' } },
        },
      )
      expect(await browser('queue:submit', { ...insert, queueIfUnavailable: true })).toMatchObject({
        ok: true,
        data: { outcome: 'queued', position: 1 },
      })
      expect(
        await browser('queue:submit', {
          ...insert,
          sql: 'SET ROLE admin',
          queueIfUnavailable: true,
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'validation', message: expect.stringMatching(/SET ROLE cannot be queued/) },
      })
      expect(await browser('queue:get', { id })).toMatchObject({
        ok: true,
        data: { status: { depth: 1 }, queued: [{ params: [1], state: 'queued' }] },
      })
      expect(await browser('queue:get', { id: 'ghost' })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      })
      expect(await browser('queue:requeue', { id, operationId: 'op-1' })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      })
      const exported = await browser('queue:export', { id, which: 'all' })
      if (!exported.ok) throw new Error(exported.error.message)
      expect(JSON.parse((exported.data as { content: string }).content)).toMatchObject({
        count: 1,
        operations: [{ params: [1] }],
      })
      expect(await browser('queue:save', { id, which: 'all' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-state', message: expect.stringMatching(/queue:export/) },
      })
      expect(await desktop('queue:save', { id, which: 'queued' })).toMatchObject({
        ok: true,
        data: {
          saved: true,
          fileName: expect.stringMatching(/^lifeguard-queue-orders-queued-.*\.json$/),
        },
      })
      expect(JSON.parse(saved[0]!.content)).toMatchObject({ which: 'queued', count: 1 })
      expect(await browser('queue:discard-damage', { id })).toMatchObject({
        ok: false,
        error: { code: 'invalid-state', message: 'the write queue is not damaged' },
      })
      expect(await browser('history:get-status', {})).toMatchObject({
        ok: true,
        data: { profileId: null, intervalMs: 10_000, tablesReady: false, snapshotsTaken: 0 },
      })
      expect(await browser('history:create-tables', { create: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid-state' },
      })
    } finally {
      await h.close()
    }
  })
})
