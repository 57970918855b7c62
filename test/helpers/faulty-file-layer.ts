/**
 * A FileLayer that fails chosen operations the way a full or broken disk does: ENOSPC or EIO on a
 * write (optionally after writing part of the bytes), on an fsync (optionally after the data did
 * reach the disk: the worst case for "a refused record comes back"), on a truncate, a rename, a
 * directory fsync... Everything else passes to the inner layer.
 */
import {
  nodeFileLayer,
  type FileLayer,
  type LayerFile,
  type OpenMode,
} from '../../src/main/engine/queue/storage/file-layer'
import type { LayerOpKind } from './recording-file-layer'

export interface Fault {
  op: LayerOpKind
  code: 'ENOSPC' | 'EIO'
  /** How many matching operations fail (default 1). */
  times?: number
  /** Only paths containing this. */
  pathIncludes?: string
  /** write: how many bytes reach the file before the error. */
  partialBytes?: number
  /** sync: the inner fsync runs (the data is durable) and the error is reported anyway. */
  persisted?: boolean
}

export function fsError(code: 'ENOSPC' | 'EIO', syscall: string, p: string): NodeJS.ErrnoException {
  const text = code === 'ENOSPC' ? 'no space left on device' : 'i/o error'
  return Object.assign(new Error(`${code}: ${text}, ${syscall} '${p}'`), {
    code,
    errno: code === 'ENOSPC' ? -28 : -5,
    syscall,
    path: p,
  })
}

export class FaultyFileLayer implements FileLayer {
  private faults: Array<Fault & { left: number }> = []
  /** Faults that fired, in order. */
  readonly fired: Array<{ op: LayerOpKind; code: string; path: string }> = []

  constructor(private readonly inner: FileLayer = nodeFileLayer) {}

  inject(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 })
  }

  clear(): void {
    this.faults = []
  }

  private take(op: LayerOpKind, p: string): Fault | null {
    const fault = this.faults.find(
      (f) =>
        f.op === op && f.left > 0 && (f.pathIncludes === undefined || p.includes(f.pathIncludes)),
    )
    if (!fault) return null
    fault.left--
    this.fired.push({ op, code: fault.code, path: p })
    return fault
  }

  private async guard<T>(op: LayerOpKind, p: string, action: () => Promise<T>): Promise<T> {
    const fault = this.take(op, p)
    if (fault) throw fsError(fault.code, op, p)
    return action()
  }

  async open(p: string, mode: OpenMode): Promise<LayerFile> {
    const file = await this.guard('open', p, () => this.inner.open(p, mode))
    return {
      path: p,
      write: async (buffers, position) => {
        const fault = this.take('write', p)
        if (!fault) return file.write(buffers, position)
        const data = Buffer.concat(buffers)
        const partial = Math.min(fault.partialBytes ?? 0, data.length)
        if (partial > 0) await file.write([data.subarray(0, partial)], position)
        throw fsError(fault.code, 'write', p)
      },
      sync: async () => {
        const fault = this.take('sync', p)
        if (!fault) return file.sync()
        if (fault.persisted) await file.sync()
        throw fsError(fault.code, 'fsync', p)
      },
      truncate: (length) => this.guard('truncate', p, () => file.truncate(length)),
      close: () => file.close(),
    }
  }

  readFile(p: string): Promise<Buffer> {
    return this.guard('readFile', p, () => this.inner.readFile(p))
  }

  stat(p: string): Promise<{ size: number } | null> {
    return this.guard('stat', p, () => this.inner.stat(p))
  }

  rename(from: string, to: string): Promise<void> {
    return this.guard('rename', from, () => this.inner.rename(from, to))
  }

  unlink(p: string): Promise<void> {
    return this.guard('unlink', p, () => this.inner.unlink(p))
  }

  mkdir(p: string): Promise<boolean> {
    return this.guard('mkdir', p, () => this.inner.mkdir(p))
  }

  list(dir: string): Promise<string[]> {
    return this.guard('list', dir, () => this.inner.list(dir))
  }

  syncDir(dir: string): Promise<void> {
    return this.guard('syncDir', dir, () => this.inner.syncDir(dir))
  }
}
