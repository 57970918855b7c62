/**
 * The profile folders of `<dataDir>/queue/` as the monitor sees them (the files inside are the
 * durable log's, see queue/storage/FORMAT.md): which profiles have one (their queue is opened at
 * start, so a restart replays what was left), and what happens to one when its profile is
 * deleted: an empty one is removed; one that still holds moved-aside operations or a damaged
 * copy is kept, renamed `<id>.deleted-<time>` (a name the store never opens), never removed.
 */
import fsp from 'node:fs/promises'
import path from 'node:path'
import { syncDirectory } from '../core/atomic-file'

const PROFILE_FOLDER = /^[A-Za-z0-9_-]{1,64}$/

/** Folder names that are profile ids (a listing error is the caller's to report). */
export async function profileFolders(queueDir: string): Promise<string[]> {
  const entries = await fsp.readdir(queueDir, { withFileTypes: true })
  return entries.filter((e) => e.isDirectory() && PROFILE_FOLDER.test(e.name)).map((e) => e.name)
}

export function deletedFolderName(profileId: string, wallNow: number): string {
  return `${profileId}.deleted-${new Date(wallNow).toISOString().replace(/[:.]/g, '-')}`
}

/**
 * After the profile's log was closed: keeps the folder (renamed) when `keep`, else removes it.
 * Returns the kept folder's path, or null. A missing folder is nothing to do.
 */
export async function retireFolder(
  queueDir: string,
  profileId: string,
  keep: boolean,
  wallNow: number,
): Promise<string | null> {
  const folder = path.join(queueDir, profileId)
  try {
    await fsp.stat(folder)
  } catch {
    return null
  }
  if (!keep) {
    await fsp.rm(folder, { recursive: true, force: true })
    syncDirectory(queueDir)
    return null
  }
  const kept = path.join(queueDir, deletedFolderName(profileId, wallNow))
  await fsp.rename(folder, kept)
  syncDirectory(queueDir)
  return kept
}

/** Whether `<dataDir>/queue/<id>` exists (without the store's lock: a look, nothing more). */
export async function folderExists(dataDir: string, profileId: string): Promise<boolean> {
  try {
    return (await fsp.stat(path.join(dataDir, 'queue', profileId))).isDirectory()
  } catch {
    return false
  }
}

/** Whether the folder holds a damaged log's copy (kept for the user). */
export async function hasDamagedCopy(queueDir: string, profileId: string): Promise<boolean> {
  try {
    const names = await fsp.readdir(path.join(queueDir, profileId))
    return names.some((n) => n.includes('.damaged-'))
  } catch {
    return false
  }
}
