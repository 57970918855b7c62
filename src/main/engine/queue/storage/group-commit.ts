/**
 * Group commit for one log: changes taken are written in groups, one group at a time, each with
 * one write and one fsync, and a change is acknowledged (its promise resolved) only once the fsync
 * covering it returned. The next group starts on the following turn of the event loop
 * (setImmediate), so callers woken by the previous fsync join it: 64 concurrent producers share
 * one fsync. When a group fails, every change not acknowledged yet (that group, and the ones taken
 * behind it, which were checked against a state that included it) is refused with 'storage'.
 * Compaction runs between groups, when asked for or due.
 */
import { LifeguardError } from '../../core/errors'
import type { QueuedOperation } from '../queue-log-types'
import type { LogState } from './log-state'
import type { LogWriter } from './log-writer'
import type { ChangeBody } from './record-schemas'

const MAX_GROUP_RECORDS = 4096
const MAX_GROUP_BYTES = 16 * 1024 * 1024

export interface PendingChange {
  n: number
  line: Buffer
  body: ChangeBody
  /** enqueue: the operation, made once and shared by both states. */
  made: QueuedOperation | undefined
  resolve: (op: QueuedOperation | undefined) => void
  reject: (error: LifeguardError) => void
}

export interface GroupCommitHost {
  readonly profileId: string
  /** The committed state (what a first file or a compaction writes). */
  committed(): LogState
  /** A change whose record is durable joins the committed state; returns what it resolves with. */
  commit(change: PendingChange): QueuedOperation | undefined
  /** A group failed: the accepted state goes back to the committed one. */
  rollback(): void
  /** About the bytes the live state would take as a file (the compaction trigger). */
  liveBytes(): number
}

export class GroupCommitter {
  private forming: PendingChange[] = []
  private flushing = false
  private scheduled = false
  private compactRequests: Array<{
    resolve: (done: boolean) => void
    reject: (e: unknown) => void
  }> = []
  private idleWaiters: Array<() => void> = []

  constructor(
    private readonly writer: LogWriter,
    private readonly host: GroupCommitHost,
  ) {}

  add(change: PendingChange): void {
    this.forming.push(change)
    this.schedule()
  }

  /** Rewrites the committed state as a new generation between two groups. */
  compact(): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.compactRequests.push({ resolve, reject })
      this.schedule()
    })
  }

  /** Resolves once everything taken so far is written (or refused). */
  whenIdle(): Promise<void> {
    if (!this.flushing && !this.scheduled && this.forming.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      void this.flush()
    })
  }

  private async flush(): Promise<void> {
    if (this.flushing) return
    this.flushing = true
    try {
      if (this.forming.length > 0) await this.writeGroup()
      if (this.compactRequests.length > 0 || this.writer.compactionDue(this.host.liveBytes()))
        await this.runCompaction()
    } finally {
      this.flushing = false
      if (this.forming.length > 0 || this.compactRequests.length > 0) this.schedule()
      else this.notifyIdle()
    }
  }

  private takeGroup(): PendingChange[] {
    let bytes = 0
    let count = 0
    for (const change of this.forming) {
      if (count > 0 && (count >= MAX_GROUP_RECORDS || bytes + change.line.length > MAX_GROUP_BYTES))
        break
      bytes += change.line.length
      count++
    }
    return this.forming.splice(0, count)
  }

  private async writeGroup(): Promise<void> {
    const group = this.takeGroup()
    const lines = group.map((c) => c.line)
    try {
      await this.writer.append(
        lines,
        lines.reduce((sum, b) => sum + b.length, 0),
        this.host.committed(),
      )
    } catch (error) {
      this.refuseAll(group, error)
      return
    }
    for (const change of group) change.resolve(this.host.commit(change))
  }

  private refuseAll(group: PendingChange[], error: unknown): void {
    const refusal =
      error instanceof LifeguardError
        ? error
        : new LifeguardError(
            'storage',
            `the write queue of profile ${this.host.profileId} failed`,
            {
              cause: error,
            },
          )
    const behind = this.forming
    this.forming = []
    this.host.rollback()
    for (const change of group) change.reject(refusal)
    const notWritten = new LifeguardError(
      'storage',
      `${refusal.message} (This change was taken while that write was under way, so it was refused with it.)`,
      { cause: refusal },
    )
    for (const change of behind) change.reject(notWritten)
  }

  private async runCompaction(): Promise<void> {
    const requests = this.compactRequests
    this.compactRequests = []
    try {
      const done = await this.writer.compact(this.host.committed(), requests.length > 0)
      for (const r of requests) r.resolve(done)
    } catch (error) {
      for (const r of requests) r.reject(error)
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const w of waiters) w()
  }
}
