/**
 * metrics:save (desktop): an export handed to the shell's file saver (a save dialog in main, then
 * an atomic write with mode 0600; see src/main/window/save-dialog.ts). The engine never opens a
 * dialog itself: browser mode has no saver, and the renderer downloads the metrics:export file.
 */
import path from 'node:path'
import type { SavedFile } from '../../../shared/cockpit'
import type { MetricsExport } from '../../../shared/domain'

/** Asks where to save `content` and writes it; `saved: false` when the user cancelled. */
export type FileSaver = (
  fileName: string,
  contentType: string,
  content: string,
) => Promise<{ saved: boolean; path?: string }>

export const NO_SAVER_MESSAGE =
  'saving through a dialog is only available in the desktop app: use the download (metrics:export) in browser mode'

export async function saveExport(saver: FileSaver, file: MetricsExport): Promise<SavedFile> {
  const outcome = await saver(file.fileName, file.contentType, file.content)
  if (!outcome.saved) return { saved: false, fileName: file.fileName, bytes: 0 }
  return {
    saved: true,
    fileName: outcome.path === undefined ? file.fileName : path.basename(outcome.path),
    bytes: Buffer.byteLength(file.content, 'utf8'),
  }
}
