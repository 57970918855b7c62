/**
 * metrics:save on the desktop: the dialog (faked; Electron's binary cannot run here) suggests the
 * export's base name in the default folder with a filter for its format; the file is written at
 * the path the dialog gave, mode 0600; a cancelled dialog writes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createDialogSaver,
  type SaveDialogLike,
  type SaveDialogOptions,
} from '../../../src/main/window/save-dialog'
import { tempDir } from '../../helpers/temp-dir'

let cleanup = () => undefined as void
afterEach(() => cleanup())

function fakeDialog(answer: (o: SaveDialogOptions) => { canceled: boolean; filePath?: string }) {
  const asked: SaveDialogOptions[] = []
  const dialog: SaveDialogLike = {
    showSaveDialog: async (options) => {
      asked.push(options)
      return answer(options)
    },
  }
  return { dialog, asked }
}

describe('the save dialog', () => {
  it('writes where the user chose, mode 0600', async () => {
    const made = tempDir()
    cleanup = made.cleanup
    const chosen = path.join(made.dir, 'chosen.prom')
    const { dialog, asked } = fakeDialog(() => ({ canceled: false, filePath: chosen }))
    const save = createDialogSaver(dialog, () => '/home/dba/Documents')
    const result = await save('../../etc/lifeguard-x.prom', 'text/plain; version=0.0.4', 'up 1\n')
    expect(result).toEqual({ saved: true, path: chosen })
    expect(fs.readFileSync(chosen, 'utf8')).toBe('up 1\n')
    expect(fs.statSync(chosen).mode & 0o777).toBe(0o600)
    expect(asked).toEqual([
      {
        title: 'Save metrics snapshot',
        defaultPath: '/home/dba/Documents/lifeguard-x.prom',
        filters: [{ name: 'Prometheus text', extensions: ['prom', 'txt'] }],
      },
    ])
  })

  it.each([
    ['cancelled', { canceled: true, filePath: '' }],
    ['no path', { canceled: false, filePath: '' }],
  ])('%s: nothing is written', async (_name, answer) => {
    let writes = 0
    const { dialog } = fakeDialog(() => answer)
    const save = createDialogSaver(
      dialog,
      () => '/tmp',
      () => void writes++,
    )
    expect(await save('m.json', 'application/json; charset=utf-8', '{}')).toEqual({ saved: false })
    expect(writes).toBe(0)
  })

  it('offers a filter per format', async () => {
    const { dialog, asked } = fakeDialog(() => ({ canceled: true }))
    const save = createDialogSaver(
      dialog,
      () => '/d',
      () => undefined,
    )
    await save('a.json', 'application/json; charset=utf-8', '')
    await save('a.csv', 'text/csv; charset=utf-8', '')
    expect(asked.map((o) => o.filters[0]!.extensions)).toEqual([['json'], ['csv']])
  })
})
