/**
 * A FileLayer that passes everything to another one and records, in one timeline, the start and
 * the end of every operation (with the bytes of each write), plus marks the test adds itself
 * (e.g. "enqueue of op-3 resolved"). Used to prove orderings: no acknowledgement before the fsync
 * that covers its bytes, and for a new file before the directory's fsync.
 */
import {
  nodeFileLayer,
  type FileLayer,
  type LayerFile,
  type OpenMode,
} from '../../src/main/engine/queue/storage/file-layer'

export type LayerOpKind =
  | 'open'
  | 'write'
  | 'sync'
  | 'truncate'
  | 'close'
  | 'readFile'
  | 'stat'
  | 'rename'
  | 'unlink'
  | 'mkdir'
  | 'list'
  | 'syncDir'

export type TimelineEvent =
  | {
      at: number
      phase: 'start' | 'end' | 'error'
      op: LayerOpKind
      /** For file operations: the path the file was opened with. */
      path: string
      /** rename: the new name. */
      to?: string
      /** write: the bytes and where. */
      bytes?: Buffer
      position?: number
      /** Which opened file (open's number), for operations on a handle. */
      handle?: number
    }
  | { at: number; phase: 'mark'; label: string }

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

export class RecordingFileLayer implements FileLayer {
  readonly events: TimelineEvent[] = []
  private handles = 0

  private inFlight = 0
  /** Slow operations under way, in the order they started. */
  private readonly held: object[] = []
  /** Slow operations whose real work is done, holding back their end. */
  private done = 0

  /**
   * `slow`: operations that complete only once nothing else has been going on in the layer for a
   * few turns of the event loop (a slow disk); of several under way, the one started last ends
   * first. Whatever the code starts without waiting for such an operation happens before it
   * ends, so a missing `await` shows in the timeline however fast the real disk is.
   */
  constructor(
    private readonly inner: FileLayer = nodeFileLayer,
    private readonly slow: (op: LayerOpKind, path: string) => boolean = () => false,
  ) {}

  mark(label: string): void {
    this.events.push({ at: this.events.length, phase: 'mark', label })
  }

  /** Events of one kind that ended (completed), in order. */
  ended(op: LayerOpKind): Extract<TimelineEvent, { op: LayerOpKind }>[] {
    return this.events.filter(
      (e): e is Extract<TimelineEvent, { op: LayerOpKind }> => e.phase === 'end' && e.op === op,
    )
  }

  private async run<T>(
    op: LayerOpKind,
    path: string,
    extra: { to?: string; bytes?: Buffer; position?: number; handle?: number },
    action: () => Promise<T>,
  ): Promise<T> {
    this.events.push({ at: this.events.length, phase: 'start', op, path, ...extra })
    this.inFlight++
    // Of several slow operations under way, the one started last ends first.
    const token = this.slow(op, path) ? {} : null
    if (token) this.held.push(token)
    try {
      const result = await action()
      if (token) {
        this.done++
        for (let quiet = 0, seen = this.events.length; quiet < 3;) {
          await turn()
          const idle =
            this.inFlight === this.done && this.events.length === seen && this.held.at(-1) === token
          quiet = idle ? quiet + 1 : 0
          seen = this.events.length
        }
        this.done--
      }
      this.events.push({ at: this.events.length, phase: 'end', op, path, ...extra })
      return result
    } catch (error) {
      this.events.push({ at: this.events.length, phase: 'error', op, path, ...extra })
      throw error
    } finally {
      this.inFlight--
      if (token) this.held.splice(this.held.indexOf(token), 1)
    }
  }

  async open(path: string, mode: OpenMode): Promise<LayerFile> {
    const handle = ++this.handles
    const file = await this.run('open', path, { handle }, () => this.inner.open(path, mode))
    const run = this.run.bind(this)
    return {
      path,
      write: (buffers, position) =>
        run('write', path, { bytes: Buffer.concat(buffers), position, handle }, () =>
          file.write(buffers, position),
        ),
      sync: () => run('sync', path, { handle }, () => file.sync()),
      truncate: (length) =>
        run('truncate', path, { position: length, handle }, () => file.truncate(length)),
      close: () => run('close', path, { handle }, () => file.close()),
    }
  }

  readFile(path: string): Promise<Buffer> {
    return this.run('readFile', path, {}, () => this.inner.readFile(path))
  }

  stat(path: string): Promise<{ size: number } | null> {
    return this.run('stat', path, {}, () => this.inner.stat(path))
  }

  rename(from: string, to: string): Promise<void> {
    return this.run('rename', from, { to }, () => this.inner.rename(from, to))
  }

  unlink(path: string): Promise<void> {
    return this.run('unlink', path, {}, () => this.inner.unlink(path))
  }

  mkdir(path: string): Promise<boolean> {
    return this.run('mkdir', path, {}, () => this.inner.mkdir(path))
  }

  list(dir: string): Promise<string[]> {
    return this.run('list', dir, {}, () => this.inner.list(dir))
  }

  syncDir(dir: string): Promise<void> {
    return this.run('syncDir', dir, {}, () => this.inner.syncDir(dir))
  }
}
