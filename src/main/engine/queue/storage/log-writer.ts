/**
 * The append side of one profile's log file: where its good bytes end, the write + fsync of a
 * group, undoing a failed group, creating the first generation, and compaction.
 *
 * A failed write or fsync is never retried-then-acknowledged (reliability D.20): the group is
 * refused, and the file is truncated back to the end of the last acknowledged record and fsynced
 * again BEFORE the refusal is reported, so a later successful fsync cannot make a refused record
 * durable (the pages a failed fsync left behind are cut off by the truncate). If undoing fails
 * too, the writer is failed: nothing is written and no fsync happens until undoing succeeds. It
 * is tried again before each later change (a disk that was full may have room again) and on
 * close; until then every change is refused.
 */
import path from 'node:path'
import { LifeguardError } from '../../core/errors'
import type { FileLayer, LayerFile } from './file-layer'
import { encodeGeneration, GenerationWriteError, writeGeneration } from './generation-file'
import { logFileName } from './log-files'
import type { LogState } from './log-state'
import type { RecoveredLog } from './log-recovery'

export interface CompactionPolicy {
  /** No compaction while the file is smaller than this. */
  minBytes: number
  /** Compact when the live state takes at most this fraction of the file. */
  maxLiveFraction: number
}

export const defaultCompactionPolicy: CompactionPolicy = {
  minBytes: 1024 * 1024,
  maxLiveFraction: 0.5,
}

export interface WriterContext {
  files: FileLayer
  /** The profile's folder, `<dataDir>/queue/<profileId>`. */
  dir: string
  profileId: string
  wallNow: () => number
  compaction: CompactionPolicy
}

function describe(error: unknown): string {
  const cause = error instanceof GenerationWriteError ? error.cause : error
  return (cause instanceof Error ? cause.message : String(cause)).slice(0, 200)
}

export class LogWriter {
  private file: LayerFile | null = null
  private generation: number | null
  private size: number
  private nextGeneration: number
  private otherBytes: number
  /** After a compaction that turned out not worth it: not considered again below this size. */
  private retryAt = 0
  private failed: { error: LifeguardError; undo: { file: LayerFile; at: number } | null } | null =
    null

  /** Set while a failure is not undone: every change is refused. */
  get failure(): LifeguardError | null {
    return this.failed?.error ?? null
  }

  /** A failure that no later change can undo (the log must be reopened). */
  get permanentFailure(): LifeguardError | null {
    return this.failed && !this.failed.undo ? this.failed.error : null
  }

  constructor(
    private readonly ctx: WriterContext,
    recovered: RecoveredLog,
  ) {
    this.generation = recovered.generation
    this.size = recovered.size
    this.nextGeneration = recovered.nextGeneration
    this.otherBytes = recovered.otherBytes
  }

  get bytesOnDisk(): number {
    return this.size + this.otherBytes
  }

  get currentGeneration(): number | null {
    return this.generation
  }

  /**
   * Appends `lines` (`bytes` in all) and fsyncs. `state` is the committed state, written as the
   * first generation when the log has no file yet. Throws LifeguardError('storage') when nothing
   * of it may be acknowledged.
   */
  async append(lines: Buffer[], bytes: number, state: LogState): Promise<void> {
    if (this.failed && !(await this.undoFailed())) throw this.failed.error
    let file: LayerFile
    try {
      file = await this.ensureFile(state)
    } catch (error) {
      throw this.refused(error)
    }
    const at = this.size
    try {
      await file.write(lines, at)
      await file.sync()
    } catch (cause) {
      try {
        await file.truncate(at)
        await file.sync()
      } catch (undo) {
        this.failed = {
          error: new LifeguardError(
            'storage',
            `The write queue of profile ${this.ctx.profileId} takes no changes: a write failed ` +
              `(${describe(cause)}) and undoing it failed too (${describe(undo)}). Nothing after ` +
              'the last acknowledged change was acknowledged; it tries again with the next change.',
            { cause },
          ),
          undo: { file, at },
        }
      }
      throw this.refused(cause)
    }
    this.size = at + bytes
  }

  /** `liveBytes`: about what the live state takes as a file (the caller's running estimate). */
  compactionDue(liveBytes: number): boolean {
    const { minBytes, maxLiveFraction } = this.ctx.compaction
    return (
      this.failure === null &&
      this.generation !== null &&
      this.size >= minBytes &&
      this.size >= this.retryAt &&
      liveBytes <= this.size * maxLiveFraction
    )
  }

  /**
   * Rewrites `state` (committed) as a new generation when it is small enough against the file,
   * or always with `force`. True when it did. A failure before the rename leaves everything as it
   * was (thrown only with `force`); after the rename the writer is failed and it throws.
   */
  async compact(state: LogState, force: boolean): Promise<boolean> {
    if (this.failure) throw this.failure
    if (this.generation === null) return false
    const generation = this.nextGeneration
    const lines = encodeGeneration(state, generation, this.ctx.profileId, this.ctx.wallNow())
    const bytes = lines.reduce((sum, b) => sum + b.length, 0)
    if (!force && bytes > this.size * this.ctx.compaction.maxLiveFraction) {
      this.retryAt = this.size * 1.5
      return false
    }
    try {
      await this.switchTo(generation, lines)
      return true
    } catch (error) {
      this.retryAt = this.size * 1.5
      if (this.failure) throw this.failure
      if (force) throw this.refused(error)
      return false
    }
  }

  async close(): Promise<void> {
    if (this.failed) await this.undoFailed()
    const file = this.file
    this.file = null
    await file?.close()
  }

  /** Cuts a refused group off again; true once it is durably gone. */
  private async undoFailed(): Promise<boolean> {
    const undo = this.failed?.undo
    if (!undo) return false
    try {
      await undo.file.truncate(undo.at)
      await undo.file.sync()
    } catch {
      return false
    }
    this.failed = null
    return true
  }

  private refused(error: unknown): LifeguardError {
    if (error instanceof LifeguardError) return error
    return new LifeguardError(
      'storage',
      `The write queue of profile ${this.ctx.profileId} could not store the change (${describe(error)}): ` +
        'it was not made and not acknowledged.',
      { cause: error instanceof GenerationWriteError ? error.cause : error },
    )
  }

  private async ensureFile(state: LogState): Promise<LayerFile> {
    if (this.file) return this.file
    if (this.generation !== null) {
      this.file = await this.ctx.files.open(
        path.join(this.ctx.dir, logFileName(this.generation)),
        'read-write',
      )
      return this.file
    }
    // The first record of this profile: its folder, then generation 1 holding the (empty) state.
    await this.ctx.files.mkdir(this.ctx.dir)
    await this.ctx.files.syncDir(path.dirname(this.ctx.dir))
    const generation = this.nextGeneration
    return this.switchTo(
      generation,
      encodeGeneration(state, generation, this.ctx.profileId, this.ctx.wallNow()),
    )
  }

  /** Writes and switches to a new generation (returned open for appending); removes the old one. */
  private async switchTo(generation: number, lines: Buffer[]): Promise<LayerFile> {
    this.nextGeneration = generation + 1
    let written
    try {
      written = await writeGeneration(this.ctx.files, this.ctx.dir, generation, lines)
    } catch (error) {
      if (error instanceof GenerationWriteError && error.renamed) {
        // Which file a crash would leave as the log is unknown: nothing more may be acknowledged.
        this.failed = {
          error: new LifeguardError(
            'storage',
            `The write queue of profile ${this.ctx.profileId} stopped taking changes: a new log ` +
              `file could not be made durable (${describe(error)}). Reopen the queue (restart Lifeguard).`,
            { cause: error.cause },
          ),
          undo: null,
        }
      }
      throw error
    }
    const old = { file: this.file, generation: this.generation, size: this.size }
    this.file = written.file
    this.generation = generation
    this.size = written.size
    this.retryAt = 0
    await old.file?.close().catch(() => undefined)
    if (old.generation === null) return written.file
    try {
      await this.ctx.files.unlink(path.join(this.ctx.dir, logFileName(old.generation)))
    } catch {
      // Left for the next recovery to remove (it keeps the highest generation only).
      this.otherBytes += old.size
      return written.file
    }
    await this.ctx.files.syncDir(this.ctx.dir).catch(() => undefined)
    return written.file
  }
}
