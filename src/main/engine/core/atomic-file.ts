/**
 * Writes a file so that a crash at any instant leaves either the old content or the new, never a
 * mix or an empty file: write a temporary file in the same directory (mode as asked), fsync it,
 * rename it over the target, then fsync the directory so the rename itself is durable.
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

export function writeFileAtomic(target: string, data: string | Buffer, mode = 0o600): void {
  const dir = path.dirname(target)
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const fd = fs.openSync(temp, 'wx', mode)
  try {
    fs.writeFileSync(fd, data)
    fs.fsyncSync(fd)
  } catch (error) {
    fs.closeSync(fd)
    fs.rmSync(temp, { force: true })
    throw error
  }
  fs.closeSync(fd)
  try {
    fs.chmodSync(temp, mode)
    fs.renameSync(temp, target)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
  syncDirectory(dir)
}

/** fsync of a directory (where the platform allows it; Windows does not). */
export function syncDirectory(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}
