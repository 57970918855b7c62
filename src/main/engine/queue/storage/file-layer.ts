/**
 * The few file-system operations the durable queue log needs, behind one seam. The log only ever
 * talks to a FileLayer, so tests can wrap the real one (test/helpers/*-file-layer.ts): record the
 * order of operations, simulate a power loss that drops what was not fsynced, or fail a write or
 * an fsync with ENOSPC / EIO.
 *
 * Paths are absolute. Writes are positional (the log knows where its good bytes end, so after a
 * refused group it can truncate back and write at the same place again).
 */
import fsp, { type FileHandle } from 'node:fs/promises'

/** 'create': a new file that must not exist yet (O_CREAT | O_EXCL), for reading and writing. */
export type OpenMode = 'read-write' | 'create'

export interface LayerFile {
  readonly path: string
  /** Writes every byte of `buffers` at `position`, or throws (a partial write may have happened). */
  write(buffers: readonly Buffer[], position: number): Promise<void>
  /** fsync: the file's data and size are on stable storage when this resolves. */
  sync(): Promise<void>
  truncate(length: number): Promise<void>
  close(): Promise<void>
}

export interface FileLayer {
  open(path: string, mode: OpenMode): Promise<LayerFile>
  readFile(path: string): Promise<Buffer>
  /** null when the path does not exist. */
  stat(path: string): Promise<{ size: number } | null>
  /** Within one directory only. Replaces `to` if it exists. */
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** Creates one directory (its parent must exist); false when it existed already. */
  mkdir(path: string): Promise<boolean>
  /** Names in a directory ([] when it does not exist). */
  list(dir: string): Promise<string[]>
  /** fsync of a directory: entries created, renamed or removed in it are durable afterwards. */
  syncDir(dir: string): Promise<void>
}

/** Queue files hold the user's statements: readable by the user only. */
const FILE_MODE = 0o600
const DIR_MODE = 0o700

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}

class NodeFile implements LayerFile {
  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  async write(buffers: readonly Buffer[], position: number): Promise<void> {
    // One contiguous buffer: cheaper than a writev of many small records.
    const data = buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers)
    for (let done = 0; done < data.length;) {
      const { bytesWritten } = await this.handle.write(
        data,
        done,
        data.length - done,
        position + done,
      )
      if (bytesWritten <= 0) throw new Error(`write of ${this.path} made no progress`)
      done += bytesWritten
    }
  }

  sync(): Promise<void> {
    return this.handle.sync()
  }

  truncate(length: number): Promise<void> {
    return this.handle.truncate(length)
  }

  close(): Promise<void> {
    return this.handle.close()
  }
}

/** The real thing: node:fs promises. */
export const nodeFileLayer: FileLayer = {
  async open(path, mode) {
    const handle = await fsp.open(path, mode === 'create' ? 'wx+' : 'r+', FILE_MODE)
    return new NodeFile(path, handle)
  },
  readFile: (path) => fsp.readFile(path),
  async stat(path) {
    try {
      return { size: (await fsp.stat(path)).size }
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null
      throw error
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  async mkdir(path) {
    try {
      await fsp.mkdir(path, { mode: DIR_MODE })
      return true
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false
      throw error
    }
  },
  async list(dir) {
    try {
      return await fsp.readdir(dir)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw error
    }
  },
  async syncDir(dir) {
    let handle: FileHandle | undefined
    try {
      handle = await fsp.open(dir, 'r')
      await handle.sync()
    } catch (error) {
      // Windows cannot open or fsync a directory; there a rename is durable on its own.
      const code = errorCode(error)
      if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error
    } finally {
      await handle?.close()
    }
  },
}
