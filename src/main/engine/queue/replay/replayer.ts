/**
 * The replay of one profile's write queue: an explicit state machine over QueueState, and ONE
 * loop (kick() while it runs only asks it to look again, so flapping health never starts a
 * second one). Every step runs under a SerialLock shared with the user's decisions.
 *
 *   idle ------------ an operation is queued -------------> replaying | waiting-for-database
 *   replaying ------- batch committed, queue empty -------> idle
 *   replaying ------- transient error (attempt k < max) ---> waiting-for-database (retry-backoff)
 *   replaying ------- permanent error / k = maxAttempts --> blocked (the operation stays at the head)
 *   replaying ------- 25006 or pg_is_in_recovery() -------> waiting-for-database (read-only)
 *   waiting-for-database -- health usable / timer due ---> replaying
 *   blocked --------- user: retry | skip | edit ----------> replaying
 *   blocked (attempts-exhausted) -- next healthy period --> replaying (a fresh round of attempts)
 *   any ------------- the log refused a change -----------> storage-failed (until reopened)
 *   (open) ---------- the log reported damage ------------> damaged (never replays)
 *
 * maxAttempts transient failures in a row: the operation stays at the head and replay stops
 * (blocked, why 'attempts-exhausted'), because order matters: moving it aside and going on would
 * apply later writes before it, and a DBA expects a queue to be a queue. Replay tries it again by
 * itself when health reports a new healthy period (the failures were most likely the outage's),
 * or at once when the user says retry; skip or edit as for a permanent error. Nothing is ever
 * passed silently.
 */
import type { QueueBlockedWhy, QueueState, QueueWait } from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import { LifeguardError } from '../../core/errors'
import { NamedTimers } from '../../core/named-timers'
import { jitteredDelay } from '../../health/backoff'
import type { OperationPayload, QueuedOperation } from '../queue-log-types'
import { describeStatementProblem, statementProblem } from '../statement-rules'
import { expiredOperations, pickBatch, type Isolation } from './batch-pick'
import { runBatch, type BatchOutcome } from './batch-runner'
import { decideOnFailure } from './failure-decision'
import { permanentFailure, type ClassifiedFailure } from './replay-errors'
import type { BlockedOperation, ReplayerDeps, ReplayerView } from './replay-types'
import { SerialLock } from './serial-lock'
import { SingleLoop, type Step } from './single-loop'
import * as events from './replay-events'

export class Replayer {
  private current: QueueState
  private wait: QueueWait | null = null
  private blocked: BlockedOperation | null = null
  private storageError: ErrorInfo | null = null
  private readonly replaying = new Set<number>()
  private readonly timers: NamedTimers<'retry' | 'expiry'>
  private readonly lock = new SerialLock()
  private readonly loop: SingleLoop
  private lastUsable = false
  /** Failed tries in a row (attempts, refused connections, read-only): the backoff step. */
  private backoffStep = 0
  /** Attempts of the head operation in this healthy period. */
  private round: { seq: number; attempts: number } | null = null
  /**
   * After a batch of several failed: replay up to the failing operation again, and that one on
   * its own (so its error is its own); 'each' when the failure could not be attributed.
   */
  private isolate: Isolation | null = null
  private checkRecovery = true
  private tableReady = false
  private readOnlyNoticed = false

  constructor(private readonly deps: ReplayerDeps) {
    this.timers = new NamedTimers(deps.clock)
    this.loop = new SingleLoop(
      this.lock,
      () => this.step(),
      (error) => this.storageFailed(error),
    )
    this.current = deps.log.damage ? 'damaged' : 'idle'
    this.lastUsable = deps.usable().usable
  }

  view(): ReplayerView {
    return {
      state: this.current,
      wait: this.wait,
      blocked: this.blocked,
      replaying: this.replaying,
      storageError: this.storageError,
    }
  }

  /** Look again (something changed). Starts the loop if it is not running; never a second one. */
  kick(): void {
    this.loop.kick()
  }

  /** Health changed: a new healthy period resets the backoff and a round of attempts. */
  healthChanged(): void {
    const usable = this.deps.usable().usable
    if (usable && !this.lastUsable) {
      this.timers.clear('retry')
      this.backoffStep = 0
      this.checkRecovery = true
      this.round = null
      if (this.blocked?.why === 'attempts-exhausted') this.blocked = null
    }
    this.lastUsable = usable
    this.kick()
  }

  /** The user's decision about the blocked operation (retry now, skip it, replace it). */
  resolve(
    operationId: string,
    action: 'retry' | 'skip' | 'edit',
    payload?: OperationPayload,
  ): Promise<void> {
    return this.lock.run(async () => {
      const blocked = this.blocked
      if (!blocked || blocked.id !== operationId)
        throw new LifeguardError(
          'invalid-state',
          `operation ${operationId} is not the one replay stopped at${blocked ? ` (that is ${blocked.id})` : ''}`,
        )
      if (action === 'skip') {
        await this.mutate(() => this.deps.log.moveAside(blocked.seq, 'skipped', blocked.error))
        this.deps.onEvent(events.movedAside(blocked.id, blocked.seq, 'skipped'))
      } else if (action === 'edit') {
        if (!payload) throw new LifeguardError('validation', 'edit needs the new statement')
        await this.mutate(() => this.deps.log.replace(blocked.seq, payload))
      }
      this.blocked = null
      this.round = null
      this.backoffStep = 0
      this.timers.clear('retry')
      this.kick()
    })
  }

  /** Runs a change of the user's (requeue ...) between replay steps. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.run(work)
  }

  exactlyOnceChanged(enabled: boolean): void {
    this.tableReady = false
    if (!enabled && this.blocked?.why === 'exactly-once-table') this.blocked = null
    this.kick()
  }

  /** The table was created (setExactlyOnce did it at once). */
  tableCreated(): void {
    this.tableReady = true
  }

  /** The log refused a change (ENOSPC, EIO ...): stop, and say so, until the log is reopened. */
  storageFailed(error: unknown): void {
    if (this.storageError) return
    const info =
      error instanceof LifeguardError
        ? error.toInfo()
        : { code: 'storage' as const, message: `the queue's storage failed: ${String(error)}` }
    this.storageError = info
    this.timers.clearAll()
    this.deps.onEvent(events.storageFailed(info.message))
    this.set('storage-failed')
  }

  /** Resolves once the loop has stopped (nothing in flight). */
  settled(): Promise<void> {
    return this.loop.settled()
  }

  async close(): Promise<void> {
    this.timers.clearAll()
    await this.loop.close()
    this.timers.clearAll()
  }

  // ---- the loop's step ------------------------------------------------------------------------

  private async step(): Promise<Step> {
    const { log } = this.deps
    if (this.loop.isClosed) return 'stop'
    if (log.damage) return this.stopIn('damaged')
    if (this.storageError) return this.stopIn('storage-failed')
    await this.expire()
    const queued = log.queued()
    const head = queued[0]
    if (!head) {
      this.blocked = null
      this.round = null
      this.isolate = null
      return this.stopIn('idle')
    }
    if (this.isolate && head.seq > this.isolate.seq) this.isolate = null
    if (this.blocked) {
      if (this.blocked.seq === head.seq) return this.stopIn('blocked')
      this.blocked = null
    }
    const usable = this.deps.usable()
    if (!usable.usable) {
      const message = `waiting for the database: ${usable.reason.message}`
      return this.stopIn('waiting-for-database', { reason: 'unavailable', message, retryAt: null })
    }
    if (this.timers.isArmed('retry') || this.deps.directWritesInFlight() > 0) return 'stop'
    const problem = statementProblem(head.payload.sql)
    if (problem) {
      const failure = permanentFailure('validation', describeStatementProblem(problem), this.now())
      await this.mutate(() => log.recordAttempt(head.seq, failure.error))
      return this.block(head, failure, 'permanent-error')
    }
    const batch = pickBatch(queued, this.deps.settings().batchSize, this.isolate)
    for (const op of batch) this.replaying.add(op.seq)
    this.set('replaying')
    let outcome: BatchOutcome
    try {
      outcome = await runBatch(
        {
          acquire: this.deps.acquire,
          clock: this.deps.clock,
          target: this.deps.target,
          timeoutMs: this.deps.settings().operationTimeoutMs,
          exactlyOnce: this.deps.settings().exactlyOnce,
          ensureTable: !this.tableReady,
          checkRecovery: this.checkRecovery,
        },
        batch,
      )
    } finally {
      this.replaying.clear()
    }
    return this.settle(outcome, batch)
  }

  private async settle(outcome: BatchOutcome, batch: QueuedOperation[]): Promise<Step> {
    if (outcome.kind === 'committed') {
      await this.mutate(() => Promise.all(batch.map((op) => this.deps.log.markApplied(op.seq))))
      this.checkRecovery = false
      if (this.deps.settings().exactlyOnce) this.tableReady = true
      this.backoffStep = 0
      this.round = null
      this.readOnlyNoticed = false
      if (this.isolate && batch.some((op) => op.seq >= this.isolate!.seq)) this.isolate = null
      this.deps.onApplied(batch.length)
      this.deps.onEvent(events.applied(batch, outcome.alreadyApplied.size))
      this.deps.onChange('counters')
      return 'continue'
    }
    if (outcome.kind === 'read-only') {
      this.checkRecovery = true
      if (!this.readOnlyNoticed) this.deps.onEvent(events.readOnly(this.deps.log.stats().depth))
      this.readOnlyNoticed = true
      return this.backOff(
        'read-only',
        'the database is read-only (a standby in recovery, or read-only transactions): writes stay queued',
      )
    }
    return this.failed(outcome, batch)
  }

  private async failed(
    outcome: Extract<BatchOutcome, { kind: 'failed' }>,
    batch: QueuedOperation[],
  ): Promise<Step> {
    const head = batch[0]!
    const { failure } = outcome
    if (outcome.stage !== 'recovery-check') this.checkRecovery = false
    const max = this.deps.settings().maxAttempts
    const attempts = this.round?.seq === head.seq ? this.round.attempts + 1 : 1
    const decision = decideOnFailure(outcome, {
      batchSize: batch.length,
      tableReady: this.tableReady,
      attempts,
      maxAttempts: max,
    })
    if (decision.action === 'recreate-table') {
      this.tableReady = false // dropped meanwhile: create it again, then go on
      return 'continue'
    }
    if (decision.action === 'isolate') {
      const op = batch[decision.index]!
      this.isolate = { seq: op.seq, each: decision.each }
      this.deps.onEvent(events.batchFailed(batch.length, decision.each ? null : op, failure.error))
      return 'continue'
    }
    if (decision.attempt) {
      await this.mutate(() => this.deps.log.recordAttempt(head.seq, failure.error))
      this.round = { seq: head.seq, attempts }
      this.deps.onEvent(events.failed(head, failure.error, attempts, max))
      this.deps.onChange('counters')
    }
    if (decision.action === 'block') return this.block(head, failure, decision.why)
    const message = decision.attempt
      ? `attempt ${attempts} of ${max} failed: ${failure.error.message}`
      : failure.error.message
    return this.backOff(decision.reason, message)
  }

  /** Operations older than maxAgeMs leave the queue (moved aside, 'expired'); replay goes on. */
  private async expire(): Promise<void> {
    this.timers.clear('expiry')
    const { log } = this.deps
    const found = expiredOperations(log.queued(), this.deps.settings().maxAgeMs, this.now())
    for (const op of found.expired) {
      await this.mutate(() => log.moveAside(op.seq, 'expired', op.lastError))
      this.deps.onEvent(events.movedAside(op.id, op.seq, 'expired'))
      this.deps.onChange('counters')
    }
    if (found.nextDueAt !== null)
      this.timers.arm('expiry', found.nextDueAt - this.now(), () => this.kick())
  }

  private block(op: QueuedOperation, failure: ClassifiedFailure, why: QueueBlockedWhy): Step {
    this.blocked = { seq: op.seq, id: op.id, error: failure.error, why }
    this.deps.onEvent(events.blocked(op, failure.error, why))
    return this.stopIn('blocked')
  }

  private backOff(reason: QueueWait['reason'], message: string): Step {
    this.backoffStep++
    const delay = jitteredDelay(this.deps.backoff, this.backoffStep, this.deps.random)
    this.timers.arm('retry', delay, () => this.kick())
    return this.stopIn('waiting-for-database', { reason, message, retryAt: this.now() + delay })
  }

  /** A change of the log; if it is refused, replay stops in 'storage-failed'. */
  private async mutate(change: () => Promise<unknown>): Promise<void> {
    try {
      await change()
    } catch (error) {
      this.storageFailed(error)
      throw error
    }
  }

  private stopIn(state: QueueState, wait: QueueWait | null = null): Step {
    this.set(state, wait)
    return 'stop'
  }

  private set(state: QueueState, wait: QueueWait | null = null): void {
    const same =
      state === this.current &&
      wait?.reason === this.wait?.reason &&
      wait?.message === this.wait?.message &&
      wait?.retryAt === this.wait?.retryAt
    this.current = state
    this.wait = wait
    if (!same) this.deps.onChange('state')
  }

  private now(): number {
    return this.deps.clock.wallNow()
  }
}
