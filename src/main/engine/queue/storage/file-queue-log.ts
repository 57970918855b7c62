/**
 * A profile's durable queue log (DurableQueueLog) on a FileLayer, with group commit.
 *
 * Every change is checked against the *accepted* state (everything taken so far, written or not),
 * numbered, encoded and handed to the group committer (group-commit.ts); it joins the state
 * callers see (*committed*) only after the fsync covering its record returned. When a group
 * fails, the accepted state goes back to the committed one.
 *
 * While `damage` is set the log is read-only: head() / queued() / aside() show the valid records
 * before the damage, and every change is refused, so nothing is ever appended after damage and
 * nothing after it is replayed.
 */
import type { ErrorInfo } from '../../../../shared/result'
import type { AsideReason, QueueDamage, QueueOperationError } from '../../../../shared/queue'
import { LifeguardError } from '../../core/errors'
import type {
  AsideOperation,
  DurableQueueLog,
  NewOperation,
  OperationPayload,
  QueuedOperation,
  QueueLogStats,
} from '../queue-log-types'
import { applyChange, changeConflict, cloneState, type LogState } from './log-state'
import type { LogWriter } from './log-writer'
import { checkOperation, copyError, copyPayload } from './operation-input'
import { payloadHash, payloadHashOfJson, payloadJson } from './payload-hash'
import { encodeEnqueueLine, encodeRecord } from './record-format'
import type { ChangeBody } from './record-schemas'
import { GroupCommitter, type PendingChange } from './group-commit'

/** About the bytes of an operation's snapshot record (for the compaction trigger only). */
function estimateBytes(op: QueuedOperation): number {
  let bytes = 300 + op.id.length + op.payload.sql.length
  for (const p of op.payload.params) bytes += typeof p === 'string' ? p.length + 3 : 8
  return bytes
}

export type QueueLogStatus = 'open' | 'damaged' | 'closing' | 'closed'

export interface FileQueueLogParts {
  profileId: string
  state: LogState
  damage: QueueDamage | null
  writer: LogWriter
  maxQueueSize: number
  /** Wall-clock ms for the times the log stamps itself (when an operation was set aside). */
  wallNow: () => number
  onClosed?: () => void
}

export class FileQueueLog implements DurableQueueLog {
  private committed: LogState
  private accepted: LogState
  private readonly commits: GroupCommitter
  private status: QueueLogStatus
  private closing: Promise<void> | null = null
  /** About the bytes the committed live state would take as a file. */
  private liveBytes = 0

  readonly profileId: string
  private damageFound: QueueDamage | null
  private readonly writer: LogWriter
  private maxQueueSize: number
  private readonly wallNow: () => number
  private readonly onClosed: () => void

  constructor(parts: FileQueueLogParts) {
    this.profileId = parts.profileId
    this.damageFound = parts.damage
    this.writer = parts.writer
    this.maxQueueSize = parts.maxQueueSize
    this.wallNow = parts.wallNow
    this.onClosed = parts.onClosed ?? (() => undefined)
    this.committed = parts.state
    this.accepted = cloneState(parts.state)
    for (const op of parts.state.queued.values()) this.liveBytes += estimateBytes(op)
    for (const op of parts.state.aside.values()) this.liveBytes += estimateBytes(op)
    this.status = parts.damage ? 'damaged' : 'open'
    this.commits = new GroupCommitter(parts.writer, {
      profileId: parts.profileId,
      committed: () => this.committed,
      commit: (change) => this.commit(change),
      rollback: () => {
        this.accepted = cloneState(this.committed)
      },
      liveBytes: () => this.liveBytes,
    })
  }

  get damage(): QueueDamage | null {
    return this.damageFound
  }

  /**
   * The user's decision on a damaged log: the valid records before the damage become the queue
   * (written as the next generation; the damaged file's copy stays aside, the damaged records are
   * not replayed) and the log takes changes again. Refused when no copy of the damaged file could
   * be kept, so nothing the user might still want is removed.
   */
  async discardDamage(): Promise<void> {
    const damage = this.damageFound
    if (!damage || this.status !== 'damaged') return
    if (!damage.keptAs.includes('.damaged-'))
      throw new LifeguardError(
        'storage',
        `The damaged write queue of profile ${this.profileId} is left as it is: no copy of it could be kept aside.`,
      )
    await this.writer.compact(this.committed, true)
    this.damageFound = null
    this.status = 'open'
  }

  /**
   * Set while a failed write could not be undone: changes are refused (each one tries the undo
   * again first, so a disk that has room again heals the log).
   */
  get storageError(): ErrorInfo | null {
    return this.writer.failure?.toInfo() ?? null
  }

  get state(): QueueLogStatus {
    return this.status
  }

  setMaxQueueSize(maxQueueSize: number): void {
    this.maxQueueSize = maxQueueSize
  }

  enqueue(operation: NewOperation): Promise<QueuedOperation> {
    // Not async (the hot path): one promise per enqueue, its group's.
    try {
      const op = checkOperation(operation)
      this.checkCapacity()
      // The payload is stringified once, for its hash and its record.
      const kindJson = JSON.stringify(op.kind)
      const payloadText = payloadJson(op.payload)
      const hash = payloadHashOfJson(kindJson, payloadText)
      const d = { ...op, payloadHash: hash }
      const encode = (n: number) =>
        encodeEnqueueLine(n, {
          idJson: JSON.stringify(op.id),
          kindJson,
          payloadJson: payloadText,
          enqueuedAt: op.enqueuedAt,
          payloadHash: hash,
        })
      return this.submit({ t: 'enqueue', d }, encode) as Promise<QueuedOperation>
    } catch (error) {
      return Promise.reject(error)
    }
  }

  head(): QueuedOperation | undefined {
    return this.committed.queued.values().next().value
  }

  queued(): QueuedOperation[] {
    return [...this.committed.queued.values()]
  }

  aside(): AsideOperation[] {
    return [...this.committed.aside.values()].reverse()
  }

  async recordAttempt(seq: number, error: QueueOperationError): Promise<void> {
    await this.submit({ t: 'attempt', d: { seq, error: copyError(error) } })
  }

  async markApplied(seq: number): Promise<void> {
    await this.submit({ t: 'applied', d: { seq } })
  }

  async moveAside(
    seq: number,
    reason: AsideReason,
    error: QueueOperationError | null,
  ): Promise<void> {
    const copied = error === null ? null : copyError(error)
    await this.submit({ t: 'aside', d: { seq, reason, error: copied, at: this.wallNow() } })
  }

  async requeue(id: string): Promise<QueuedOperation> {
    this.checkCapacity()
    return (await this.submit({ t: 'requeue', d: { id } })) as QueuedOperation
  }

  async replace(seq: number, payload: OperationPayload): Promise<QueuedOperation> {
    const copy = copyPayload(payload)
    const was = this.accepted.queued.get(seq)
    const hash = payloadHash(was?.kind ?? 'statement', copy)
    return (await this.submit({
      t: 'replace',
      d: { seq, payload: copy, payloadHash: hash },
    })) as QueuedOperation
  }

  stats(): QueueLogStats {
    const c = this.committed.counters
    return {
      depth: this.committed.queued.size,
      enqueued: c.enqueued,
      applied: c.applied,
      failedAttempts: c.failedAttempts,
      movedAside: c.movedAside,
      bytesOnDisk: this.writer.bytesOnDisk,
    }
  }

  /** Rewrites the live state as a new generation now (it also happens on its own). */
  compact(): Promise<boolean> {
    const refusal = this.refusal()
    if (refusal) return Promise.reject(refusal)
    return this.commits.compact()
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        if (this.status !== 'closed') this.status = 'closing'
        await this.commits.whenIdle()
        await this.writer.close()
        this.status = 'closed'
        this.onClosed()
      })()
    }
    return this.closing
  }

  private refusal(): LifeguardError | null {
    if (this.status === 'closing' || this.status === 'closed')
      return new LifeguardError(
        'invalid-state',
        `the write queue of profile ${this.profileId} is closed`,
      )
    if (this.damage)
      return new LifeguardError('storage', `${this.damage.message} This change was not made.`)
    // A failure that may still be undone is retried by the next write (see LogWriter).
    return this.writer.permanentFailure
  }

  private checkCapacity(): void {
    const depth = this.accepted.queued.size
    if (this.refusal() === null && depth >= this.maxQueueSize)
      throw new LifeguardError(
        'queue-full',
        `The write queue of profile ${this.profileId} is full: ${depth} operations are queued and ` +
          `the limit (maxQueueSize) is ${this.maxQueueSize}. This operation was not queued; nothing queued was dropped.`,
      )
  }

  /** `encode`: the record's line when it is built from pieces (else encodeRecord). */
  private submit(
    body: ChangeBody,
    encode?: (n: number) => Buffer,
  ): Promise<QueuedOperation | undefined> {
    const refusal = this.refusal()
    if (refusal) return Promise.reject(refusal)
    const conflict = changeConflict(this.accepted, body)
    if (conflict) return Promise.reject(new LifeguardError(conflict.code, conflict.message))
    const n = this.accepted.nextN
    const made = applyChange(this.accepted, n, body)
    const line = encode ? encode(n) : encodeRecord(n, body)
    return new Promise((resolve, reject) => {
      this.commits.add({
        n,
        line,
        body,
        made: body.t === 'enqueue' ? made : undefined,
        resolve,
        reject,
      })
    })
  }

  /** A change whose record is durable joins the committed state. */
  private commit(change: PendingChange): QueuedOperation | undefined {
    const d = change.body.d
    const before = 'seq' in d ? this.committed.queued.get(d.seq) : undefined
    const op = applyChange(this.committed, change.n, change.body, change.made)
    const t = change.body.t
    if (t === 'enqueue' || t === 'replace' || t === 'applied')
      this.liveBytes += (op ? estimateBytes(op) : 0) - (before ? estimateBytes(before) : 0)
    return op
  }
}
