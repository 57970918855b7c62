/**
 * TEST DOUBLE: an in-memory DurableQueueLog for the replay's tests (and the replay bench's
 * `--log memory` switch). It is NOT durable. It honours the interface's promises as far as memory
 * can: every mutation resolves asynchronously (after a turn of the event loop, as a write + fsync
 * would) and only then shows in the view; a rejected mutation changes nothing; maxQueueSize is
 * enforced atomically with the append (pending enqueues count); ids are unique among queued and
 * aside operations; seqs strictly increase and are never reused. Faults can be injected per
 * method (the next call, or every call, rejects with a 'storage' error and changes nothing).
 */
import { createHash } from 'node:crypto'
import { LifeguardError } from '../../src/main/engine/core/errors'
import type {
  AsideOperation,
  DurableQueueLog,
  NewOperation,
  OperationPayload,
  QueuedOperation,
  QueueLogStats,
} from '../../src/main/engine/queue/queue-log-types'
import type {
  AsideReason,
  QueueDamage,
  QueueOperationError,
  QueueOperationKind,
} from '../../src/shared/queue'

type Mutation = 'enqueue' | 'recordAttempt' | 'markApplied' | 'moveAside' | 'requeue' | 'replace'

/** sha256 (hex) of the canonical JSON (keys sorted) of { kind, payload }. */
export function payloadHashOf(kind: QueueOperationKind, payload: OperationPayload): string {
  return createHash('sha256').update(canonicalJson({ kind, payload })).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

export class MemoryQueueLog implements DurableQueueLog {
  readonly damage: QueueDamage | null
  private readonly items: QueuedOperation[] = []
  private readonly asideItems: AsideOperation[] = []
  private nextSeq = 1
  private pendingEnqueues = 0
  private readonly pendingIds = new Set<string>()
  private closed = false
  private readonly counters = { enqueued: 0, applied: 0, failedAttempts: 0, movedAside: 0 }
  private bytes = 0
  private readonly faults = new Map<Mutation, { error: Error; once: boolean }>()
  /** Every mutation that took effect, in order (for tests that check what replay did). */
  readonly journal: Array<{ method: Mutation; seq: number; id: string }> = []

  constructor(
    readonly profileId: string,
    private readonly options: {
      maxQueueSize: number
      damage?: QueueDamage | null
      /** Wall-clock ms for asideAt (a FakeClock's wallNow); default Date.now. */
      wallNow?: () => number
    },
  ) {
    this.damage = options.damage ?? null
  }

  /** The next call (or every call, once: false) of `method` rejects with a 'storage' error. */
  failNext(method: Mutation, options: { once?: boolean; message?: string } = {}): void {
    const error = new LifeguardError('storage', options.message ?? `injected ${method} failure`, {
      cause: Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }),
    })
    this.faults.set(method, { error, once: options.once ?? true })
  }

  clearFaults(): void {
    this.faults.clear()
  }

  async enqueue(operation: NewOperation): Promise<QueuedOperation> {
    this.checkOpen()
    const depth = this.items.length + this.pendingEnqueues
    if (depth >= this.options.maxQueueSize)
      throw new LifeguardError(
        'queue-full',
        `the write queue of profile ${this.profileId} is full (${depth} of ${this.options.maxQueueSize} operations): nothing was added`,
      )
    if (this.pendingIds.has(operation.id) || this.find(operation.id))
      throw new LifeguardError('conflict', `operation ${operation.id} is already in the queue`)
    this.pendingEnqueues++
    this.pendingIds.add(operation.id)
    try {
      await turn()
      this.injected('enqueue')
      const op: QueuedOperation = {
        ...structuredClone(operation),
        seq: this.nextSeq++,
        payloadHash: payloadHashOf(operation.kind, operation.payload),
        attempts: 0,
        lastError: null,
      }
      this.items.push(op)
      this.counters.enqueued++
      this.record('enqueue', op, op)
      return structuredClone(op)
    } finally {
      this.pendingEnqueues--
      this.pendingIds.delete(operation.id)
    }
  }

  head(): QueuedOperation | undefined {
    const op = this.items[0]
    return op ? structuredClone(op) : undefined
  }

  queued(): QueuedOperation[] {
    return structuredClone(this.items)
  }

  aside(): AsideOperation[] {
    return structuredClone([...this.asideItems].reverse())
  }

  async recordAttempt(seq: number, error: QueueOperationError): Promise<void> {
    await this.mutation('recordAttempt', seq, (op) => {
      op.attempts++
      op.lastError = structuredClone(error)
      this.counters.failedAttempts++
    })
  }

  async markApplied(seq: number): Promise<void> {
    await this.mutation('markApplied', seq, (op, index) => {
      this.items.splice(index, 1)
      this.counters.applied++
      return op
    })
  }

  async moveAside(
    seq: number,
    reason: AsideReason,
    error: QueueOperationError | null,
  ): Promise<void> {
    await this.mutation('moveAside', seq, (op, index) => {
      this.items.splice(index, 1)
      const lastError = error ?? op.lastError
      this.asideItems.push({
        ...op,
        lastError,
        reason,
        asideAt: this.options.wallNow?.() ?? Date.now(),
      })
      this.counters.movedAside++
    })
  }

  async requeue(id: string): Promise<QueuedOperation> {
    this.checkOpen()
    await turn()
    this.injected('requeue')
    const index = this.asideItems.findIndex((op) => op.id === id)
    if (index < 0) throw new LifeguardError('not-found', `no moved-aside operation ${id}`)
    const [aside] = this.asideItems.splice(index, 1)
    const { reason: _reason, asideAt: _asideAt, ...rest } = aside!
    const op: QueuedOperation = { ...rest, seq: this.nextSeq++, attempts: 0, lastError: null }
    this.items.push(op)
    // movedAside counts the operations aside now (as the durable log does), so
    // applied + movedAside + depth = enqueued holds across a requeue.
    this.counters.movedAside--
    this.record('requeue', op, op)
    return structuredClone(op)
  }

  async replace(seq: number, payload: OperationPayload): Promise<QueuedOperation> {
    let replaced: QueuedOperation | undefined
    await this.mutation('replace', seq, (op) => {
      op.payload = structuredClone(payload)
      op.payloadHash = payloadHashOf(op.kind, payload)
      op.attempts = 0
      op.lastError = null
      replaced = structuredClone(op)
    })
    return replaced!
  }

  stats(): QueueLogStats {
    return { depth: this.items.length, ...this.counters, bytesOnDisk: this.bytes }
  }

  async close(): Promise<void> {
    await turn()
    this.closed = true
  }

  private async mutation(
    method: Mutation,
    seq: number,
    change: (op: QueuedOperation, index: number) => unknown,
  ): Promise<void> {
    this.checkOpen()
    await turn()
    this.injected(method)
    const index = this.items.findIndex((op) => op.seq === seq)
    if (index < 0) throw new LifeguardError('not-found', `no queued operation with seq ${seq}`)
    const op = this.items[index]!
    change(op, index)
    this.record(method, op, { seq })
  }

  private injected(method: Mutation): void {
    const fault = this.faults.get(method)
    if (!fault) return
    if (fault.once) this.faults.delete(method)
    throw fault.error
  }

  private record(method: Mutation, op: QueuedOperation, data: object): void {
    this.journal.push({ method, seq: op.seq, id: op.id })
    // What a JSON-lines record of it would take.
    this.bytes += Buffer.byteLength(JSON.stringify({ v: 1, type: method, data })) + 1
  }

  private find(id: string): QueuedOperation | AsideOperation | undefined {
    return this.items.find((op) => op.id === id) ?? this.asideItems.find((op) => op.id === id)
  }

  private checkOpen(): void {
    if (this.closed) throw new LifeguardError('invalid-state', 'the queue log is closed')
  }
}
