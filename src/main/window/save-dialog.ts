/**
 * metrics:save on the desktop: Electron's save dialog asks where, then the file is written
 * atomically with mode 0600 (core/atomic-file.ts). The path comes from the dialog only; the
 * renderer names nothing but the suggested file name, which is reduced to its base name.
 * Electron is passed in (and faked in tests).
 */
import path from 'node:path'
import { writeFileAtomic } from '../engine/core/atomic-file'
import type { FileSaver } from '../engine/metrics/save-export'

export interface SaveDialogOptions {
  title: string
  defaultPath: string
  filters: Array<{ name: string; extensions: string[] }>
}

/** The part of Electron's `dialog` this uses (filePath is '' or absent when cancelled). */
export interface SaveDialogLike {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>
}

export function filtersFor(fileName: string, contentType: string): SaveDialogOptions['filters'] {
  const ext = path.extname(fileName).slice(1)
  if (contentType.startsWith('application/json')) return [{ name: 'JSON', extensions: ['json'] }]
  if (contentType.startsWith('text/csv')) return [{ name: 'CSV', extensions: ['csv'] }]
  if (ext === 'prom') return [{ name: 'Prometheus text', extensions: ['prom', 'txt'] }]
  return [{ name: 'All files', extensions: ['*'] }]
}

export function createDialogSaver(
  dialog: SaveDialogLike,
  defaultDir: () => string,
  write: (file: string, content: string, mode: number) => void = writeFileAtomic,
): FileSaver {
  return async (fileName, contentType, content) => {
    const suggested = path.basename(fileName) || 'lifeguard-metrics'
    const answer = await dialog.showSaveDialog({
      title: 'Save metrics snapshot',
      defaultPath: path.join(defaultDir(), suggested),
      filters: filtersFor(suggested, contentType),
    })
    if (answer.canceled || !answer.filePath) return { saved: false }
    write(answer.filePath, content, 0o600)
    return { saved: true, path: answer.filePath }
  }
}
