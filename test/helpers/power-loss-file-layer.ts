/**
 * Simulated power loss (after LevelDB's FaultInjectionTestEnv and SQLite's crash VFS): a
 * FileLayer over a real folder that does every operation on the real files and also keeps a
 * model of what is durable, with strict POSIX rules:
 *
 * - a file's bytes are durable as of its last fsync;
 * - a directory's entries (files created, renamed, removed; sub-folders made) are durable as of
 *   that directory's last fsync (a file's own fsync does not make its name durable).
 *
 * `crash()` then rewrites the real folder as it would be found after the power came back: only
 * durable entries, each with its durable bytes, plus (mode 'tear') a random prefix of what was
 * appended since the last fsync, sometimes followed by zeros or garbage (a torn write, a file
 * size that got ahead of its data). After a crash every operation, on the layer and on files it
 * opened, fails: the old process is dead. A new layer over the same folder is the next boot.
 *
 * fsync does not call the real fsync (the model decides what survives), which keeps random crash
 * tests fast.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  nodeFileLayer,
  type FileLayer,
  type LayerFile,
  type OpenMode,
} from '../../src/main/engine/queue/storage/file-layer'
import type { LayerOpKind } from './recording-file-layer'

class SimFile {
  current: Buffer = Buffer.alloc(0)
  durable: Buffer = Buffer.alloc(0)
  /** The unsynced state is not "durable + appended bytes" (a truncate or an overwrite since). */
  diverged = false
}

class SimDir {
  current = new Map<string, SimEntry>()
  durable = new Map<string, SimEntry>()
}

type SimEntry = { kind: 'file'; file: SimFile } | { kind: 'dir'; dir: SimDir }

export type CrashMode = 'drop' | 'tear'

export interface SimOp {
  /** 1-based count of operations on this layer. */
  index: number
  op: LayerOpKind
  path: string
  to?: string
}

export interface CrashTrigger {
  when: (op: SimOp) => boolean
  /** 'before': the operation does not happen; 'after': it happens, then the power goes. */
  moment: 'before' | 'after'
  mode: CrashMode
}

export class PowerLossError extends Error {
  constructor() {
    super('simulated power loss: this process is dead')
    this.name = 'PowerLossError'
  }
}

export class PowerLossFileLayer implements FileLayer {
  private readonly root = new SimDir()
  private crashedFlag = false
  private count = 0
  private trigger: CrashTrigger | null = null
  /** The real handles still open, closed when the power goes. */
  private readonly openFiles = new Set<LayerFile>()
  readonly log: SimOp[] = []

  private constructor(
    readonly rootPath: string,
    private readonly random: () => number,
    private readonly inner: FileLayer,
  ) {}

  /** A layer over `rootPath` whose current content is taken as durable (a fresh boot). */
  static over(rootPath: string, random: () => number, inner = nodeFileLayer): PowerLossFileLayer {
    const layer = new PowerLossFileLayer(rootPath, random, inner)
    const scan = (real: string, dir: SimDir) => {
      for (const name of fs.readdirSync(real)) {
        const full = path.join(real, name)
        const entry: SimEntry = fs.statSync(full).isDirectory()
          ? { kind: 'dir', dir: new SimDir() }
          : { kind: 'file', file: new SimFile() }
        if (entry.kind === 'dir') scan(full, entry.dir)
        else {
          entry.file.current = fs.readFileSync(full)
          entry.file.durable = entry.file.current
        }
        dir.current.set(name, entry)
        dir.durable.set(name, entry)
      }
    }
    scan(rootPath, layer.root)
    return layer
  }

  get crashed(): boolean {
    return this.crashedFlag
  }

  get operations(): number {
    return this.count
  }

  crashWhen(trigger: CrashTrigger): void {
    this.trigger = trigger
  }

  /** Power loss at the `index`-th operation from now on. */
  crashAt(index: number, mode: CrashMode, moment: 'before' | 'after' = 'before'): void {
    const at = this.count + index
    this.crashWhen({ when: (op) => op.index === at, moment, mode })
  }

  /** The power goes now: the real folder is rewritten to what survives. */
  crash(mode: CrashMode): void {
    if (this.crashedFlag) return
    this.crashedFlag = true
    for (const file of this.openFiles) void file.close().catch(() => undefined)
    for (const name of fs.readdirSync(this.rootPath))
      fs.rmSync(path.join(this.rootPath, name), { recursive: true, force: true })
    const write = (real: string, dir: SimDir) => {
      for (const [name, entry] of dir.durable) {
        const full = path.join(real, name)
        if (entry.kind === 'dir') {
          fs.mkdirSync(full)
          write(full, entry.dir)
        } else fs.writeFileSync(full, this.survivor(entry.file, mode))
      }
    }
    write(this.rootPath, this.root)
  }

  private survivor(file: SimFile, mode: CrashMode): Buffer {
    if (mode === 'drop') return file.durable
    if (file.diverged) return this.random() < 0.5 ? file.durable : file.current
    const extra = file.current.subarray(file.durable.length)
    if (extra.length === 0) return file.durable
    const kept = Math.floor(this.random() * (extra.length + 1))
    const parts = [file.durable, extra.subarray(0, kept)]
    const room = Math.min(64, extra.length - kept)
    const junk = this.random()
    if (room > 0 && junk < 0.2) parts.push(Buffer.alloc(1 + Math.floor(this.random() * room)))
    else if (room > 0 && junk < 0.4) {
      const garbage = Buffer.alloc(1 + Math.floor(this.random() * room))
      for (let i = 0; i < garbage.length; i++) garbage[i] = Math.floor(this.random() * 256)
      parts.push(garbage)
    }
    return Buffer.concat(parts)
  }

  /** Counts the operation and crashes when the trigger says so ('before'). */
  private async step<T>(
    op: LayerOpKind,
    p: string,
    action: () => Promise<T>,
    to?: string,
  ): Promise<T> {
    if (this.crashedFlag) throw new PowerLossError()
    const sim: SimOp = { index: ++this.count, op, path: p, ...(to ? { to } : {}) }
    this.log.push(sim)
    const fire = this.trigger?.when(sim) ? this.trigger : null
    if (fire?.moment === 'before') {
      this.crash(fire.mode)
      throw new PowerLossError()
    }
    const result = await action()
    if (fire) {
      this.crash(fire.mode)
      throw new PowerLossError()
    }
    if (this.crashedFlag) throw new PowerLossError()
    return result
  }

  private locate(p: string): { parent: SimDir; name: string } {
    const rel = path.relative(this.rootPath, p)
    if (rel === '' || rel.startsWith('..')) throw new Error(`${p} is outside the simulated folder`)
    const parts = rel.split(path.sep)
    const name = parts.pop()!
    let dir = this.root
    for (const part of parts) {
      const entry = dir.current.get(part)
      if (entry?.kind !== 'dir') throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })
      dir = entry.dir
    }
    return { parent: dir, name }
  }

  private dirAt(p: string): SimDir {
    if (path.resolve(p) === path.resolve(this.rootPath)) return this.root
    const { parent, name } = this.locate(p)
    const entry = parent.current.get(name)
    if (entry?.kind !== 'dir') throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })
    return entry.dir
  }

  open(p: string, mode: OpenMode): Promise<LayerFile> {
    return this.step('open', p, async () => {
      const { parent, name } = this.locate(p)
      const inner = await this.inner.open(p, mode)
      let entry = parent.current.get(name)
      if (mode === 'create' || entry === undefined) {
        entry = { kind: 'file', file: new SimFile() }
        parent.current.set(name, entry)
      }
      if (entry.kind !== 'file') throw new Error(`${p} is a directory`)
      this.openFiles.add(inner)
      return this.wrap(p, entry.file, inner)
    })
  }

  private wrap(p: string, file: SimFile, inner: LayerFile): LayerFile {
    return {
      path: p,
      write: (buffers, position) =>
        this.step('write', p, async () => {
          await inner.write(buffers, position)
          const data = Buffer.concat(buffers)
          const end = position + data.length
          const next = Buffer.alloc(Math.max(file.current.length, end))
          file.current.copy(next)
          data.copy(next, position)
          if (position < file.durable.length) file.diverged = true
          file.current = next
        }),
      sync: () =>
        this.step('sync', p, async () => {
          file.durable = file.current
          file.diverged = false
        }),
      truncate: (length) =>
        this.step('truncate', p, async () => {
          await inner.truncate(length)
          const next = Buffer.alloc(length)
          file.current.copy(next, 0, 0, Math.min(length, file.current.length))
          if (length < file.durable.length) file.diverged = true
          file.current = next
        }),
      close: () =>
        this.step('close', p, async () => {
          this.openFiles.delete(inner)
          await inner.close()
        }),
    }
  }

  readFile(p: string): Promise<Buffer> {
    return this.step('readFile', p, () => this.inner.readFile(p))
  }

  stat(p: string): Promise<{ size: number } | null> {
    return this.step('stat', p, () => this.inner.stat(p))
  }

  rename(from: string, to: string): Promise<void> {
    return this.step(
      'rename',
      from,
      async () => {
        const a = this.locate(from)
        const b = this.locate(to)
        if (a.parent !== b.parent) throw new Error('the simulation renames within one folder only')
        await this.inner.rename(from, to)
        const entry = a.parent.current.get(a.name)
        if (!entry) throw new Error(`rename of unknown ${from}`)
        a.parent.current.delete(a.name)
        b.parent.current.set(b.name, entry)
      },
      to,
    )
  }

  unlink(p: string): Promise<void> {
    return this.step('unlink', p, async () => {
      await this.inner.unlink(p)
      const { parent, name } = this.locate(p)
      parent.current.delete(name)
    })
  }

  mkdir(p: string): Promise<boolean> {
    return this.step('mkdir', p, async () => {
      const created = await this.inner.mkdir(p)
      if (created) {
        const { parent, name } = this.locate(p)
        parent.current.set(name, { kind: 'dir', dir: new SimDir() })
      }
      return created
    })
  }

  list(dir: string): Promise<string[]> {
    return this.step('list', dir, () => this.inner.list(dir))
  }

  syncDir(dir: string): Promise<void> {
    return this.step('syncDir', dir, async () => {
      const d = this.dirAt(dir)
      d.durable = new Map(d.current)
    })
  }
}
