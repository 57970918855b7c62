/**
 * Reads a pgAdmin servers.json from disk for importPgadminServers: the size is checked before
 * anything is read, the bytes must be UTF-8, and every I/O failure becomes an error problem
 * (with the error code only) instead of an exception.
 */
import { open } from 'node:fs/promises'
import type { ImportResult } from './candidate'
import { importPgadminServers, MAX_PGADMIN_FILE_BYTES } from './pgadmin'

function fileError(path: string, message: string): ImportResult {
  return { candidates: [], problems: [{ severity: 'error', where: path, message }] }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'unknown error'
}

export async function readPgadminServersFile(path: string): Promise<ImportResult> {
  let bytes: Buffer
  try {
    const handle = await open(path, 'r')
    try {
      const info = await handle.stat()
      if (!info.isFile()) return fileError(path, 'This is not a regular file.')
      if (info.size > MAX_PGADMIN_FILE_BYTES) {
        return fileError(
          path,
          `The file is larger than ${MAX_PGADMIN_FILE_BYTES / 1024 / 1024} MiB and was not read.`,
        )
      }
      // Read at most one byte past the limit, in case the file grew after stat().
      const buffer = Buffer.alloc(MAX_PGADMIN_FILE_BYTES + 1)
      let length = 0
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
        if (bytesRead === 0) break
        length += bytesRead
        if (length === buffer.length) break
      }
      if (length > MAX_PGADMIN_FILE_BYTES) {
        return fileError(
          path,
          `The file is larger than ${MAX_PGADMIN_FILE_BYTES / 1024 / 1024} MiB and was not read.`,
        )
      }
      bytes = buffer.subarray(0, length)
    } finally {
      await handle.close()
    }
  } catch (error) {
    return fileError(path, `The file could not be read (${codeOf(error)}).`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return fileError(path, 'The file is not UTF-8 text, so nothing was imported from it.')
  }
  return importPgadminServers(text, path)
}
