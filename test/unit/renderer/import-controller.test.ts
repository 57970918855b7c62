/**
 * The import controller against a fake API: what it asks main, in which order, and what it does
 * with late answers (dropped after a change of source), oversized files (refused unread) and a
 * confirm (the picked rows only, then onImported).
 */
import { describe, expect, it, vi } from 'vitest'
import {
  createImportController,
  type ChosenFile,
  type ImportDeps,
} from '../../../src/renderer/src/features/import/import-controller'
import type { RequestOf } from '../../../src/shared/contract'
import type { ImportPreviewView, ProfileSummary } from '../../../src/shared/domain'
import { ok, type Result } from '../../../src/shared/result'
import { MAX_MESSAGE_BYTES } from '../../../src/shared/ws-protocol'
import { mixedPreview, PREVIEW_ID } from './import-fixture'
import { profile } from './store-fixture'

interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** Each previewImport call waits for the test to answer it. */
function fakeApi() {
  const previews: {
    request: RequestOf<'profiles:import-preview'>
    answer: Deferred<Result<ImportPreviewView>>
  }[] = []
  const confirms: RequestOf<'profiles:import-confirm'>[] = []
  const created = [profile('c1')]
  const api: ImportDeps['api'] = {
    previewImport: (request) => {
      const answer = deferred<Result<ImportPreviewView>>()
      previews.push({ request, answer })
      return answer.promise
    },
    confirmImport: async (request) => {
      confirms.push(request)
      return ok<ProfileSummary[]>(created)
    },
  }
  return { api, previews, confirms, created }
}

function setup(transportKind: ImportDeps['transportKind'] = 'websocket') {
  const fake = fakeApi()
  const onImported = vi.fn()
  const controller = createImportController({ api: fake.api, transportKind, onImported })
  return { ...fake, controller, onImported }
}

function file(name: string, size: number, text = '{}'): ChosenFile & { reads: number } {
  const f = {
    name,
    size,
    reads: 0,
    text: async () => {
      f.reads++
      return text
    },
  }
  return f
}

describe('import controller', () => {
  it('reads .pgpass through main and shows the preview with the new rows picked', async () => {
    const { controller, previews } = setup()
    const done = controller.readLocal('pgpass')
    expect(controller.getState()).toMatchObject({ phase: 'reading' })
    expect(previews.map((p) => p.request)).toEqual([{ kind: 'pgpass' }])
    previews[0]?.answer.resolve(ok(mixedPreview()))
    await done
    expect(controller.getState()).toMatchObject({ phase: 'previewing', selected: [0, 3] })
  })

  it('notifies subscribers on every change, and stops after unsubscribe', async () => {
    const { controller, previews } = setup()
    const listener = vi.fn()
    const off = controller.subscribe(listener)
    const done = controller.readLocal('service-file')
    expect(listener).toHaveBeenCalledTimes(1)
    off()
    previews[0]?.answer.resolve(ok(mixedPreview()))
    await done
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('an answer that arrives after the user switched source is dropped', async () => {
    const { controller, previews } = setup()
    const done = controller.readLocal('pgpass')
    controller.choose('pasted')
    previews[0]?.answer.resolve(ok(mixedPreview()))
    await done
    expect(controller.getState()).toEqual({ phase: 'choosing', source: 'pasted', error: null })
  })

  it('after dispose (the dialog closed) a late answer changes nothing', async () => {
    const { controller, previews } = setup()
    const done = controller.readLocal('pgpass')
    controller.dispose()
    previews[0]?.answer.resolve(ok(mixedPreview()))
    await done
    expect(controller.getState().phase).toBe('reading')
  })

  it('a refused preview is shown as the error', async () => {
    const { controller, previews } = setup()
    const done = controller.readLocal('pgpass')
    const error = { code: 'validation', message: 'kind must be pgpass, service-file, ...' } as const
    previews[0]?.answer.resolve({ ok: false, error })
    await done
    expect(controller.getState()).toEqual({ phase: 'choosing', source: 'pgpass', error })
  })

  it('browser mode: a file over the WebSocket limit is refused without being read or sent', async () => {
    const { controller, previews } = setup('websocket')
    controller.choose('pgadmin')
    const big = file('servers.json', MAX_MESSAGE_BYTES + 1)
    await controller.readPgadminFile(big)
    expect(big.reads).toBe(0)
    expect(previews).toHaveLength(0)
    expect(controller.getState()).toMatchObject({
      phase: 'choosing',
      error: { code: 'message-too-large' },
    })
  })

  it('desktop: the same file is read and sent as text with its name', async () => {
    const { controller, previews } = setup('ipc')
    controller.choose('pgadmin')
    const json = '{"Servers":{}}'
    const done = controller.readPgadminFile(file('servers.json', MAX_MESSAGE_BYTES + 1, json))
    await vi.waitFor(() => expect(previews).toHaveLength(1))
    expect(previews[0]?.request).toEqual({ kind: 'pgadmin', text: json, fileName: 'servers.json' })
    previews[0]?.answer.resolve(ok(mixedPreview()))
    await done
    expect(controller.getState().phase).toBe('previewing')
  })

  it('empty pasted text is refused here, with a sentence', async () => {
    const { controller, previews } = setup()
    controller.choose('pasted')
    await controller.readPasted('   ')
    expect(previews).toHaveLength(0)
    expect(controller.getState()).toMatchObject({ error: { code: 'validation' } })
  })

  it('confirm sends the picked rows only, then reports the created profiles', async () => {
    const { controller, previews, confirms, onImported, created } = setup()
    const done = controller.readLocal('pgpass')
    previews[0]?.answer.resolve(ok(mixedPreview()))
    await done
    controller.toggle(0)
    await controller.confirm()
    expect(confirms).toEqual([{ previewId: PREVIEW_ID, rows: [3] }])
    expect(onImported).toHaveBeenCalledWith(created)
    expect(controller.getState()).toMatchObject({ phase: 'done' })
  })

  it('nothing is confirmed before a preview, or with no row picked', async () => {
    const { controller, previews, confirms } = setup()
    await controller.confirm()
    const done = controller.readLocal('pgpass')
    previews[0]?.answer.resolve(ok(mixedPreview()))
    await done
    controller.selectAll(false)
    await controller.confirm()
    expect(confirms).toEqual([])
  })
})
