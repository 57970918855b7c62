/**
 * One profile's durable write queue: the facade the monitor wires (a few lines, see
 * WriteQueueDeps) and the queue:* handlers call. Writes that cannot go to the database now are
 * kept in the durable log and replayed in order (replay/replayer.ts) when health says the database
 * is usable. Never drops: a full queue refuses with 'queue-full'.
 *
 * Invariant (tested): applied + moved aside + still queued = acknowledged (enqueued).
 */
import { randomUUID } from 'node:crypto'
import type { MetricsExport } from '../../../shared/domain'
import type { QueueParam, QueueStatus, QueueView, SubmitOutcome } from '../../../shared/queue'
import type { ErrorInfo } from '../../../shared/result'
import { LifeguardError } from '../core/errors'
import { NamedTimers } from '../core/named-timers'
import { runDirect, whyNotNow } from './direct-write'
import { exportOperations, type ExportWhich } from './queue-export'
import { FillingSignal } from './queue-filling'
import type { QueuedOperation } from './queue-log-types'
import { replayBackoff, resolveQueueSettings, type QueueSettings } from './queue-settings'
import { queueStatus, queueView, type StatusInputs } from './queue-views'
import { ensureAppliedTable } from './replay/batch-runner'
import * as events from './replay/replay-events'
import { Replayer } from './replay/replayer'
import { ReplayRate } from './replay-rate'
import { describeStatementProblem, statementProblem } from './statement-rules'
import type { EnqueueInput, WriteQueueDeps } from './write-queue-types'

export type { EnqueueInput, WriteQueueDeps } from './write-queue-types'

export class WriteQueue {
  readonly profileId: string
  private settings: QueueSettings
  private readonly replayer: Replayer
  private readonly rate: ReplayRate
  private readonly filling: FillingSignal
  private readonly timers: NamedTimers<'status'>
  private directInFlight = 0
  private lastPushAt = -Infinity
  private closed = false

  constructor(private readonly deps: WriteQueueDeps) {
    this.profileId = deps.profileId
    this.settings = resolveQueueSettings(deps.settings)
    this.rate = new ReplayRate(deps.clock.now)
    this.timers = new NamedTimers(deps.clock)
    this.filling = new FillingSignal(
      this.settings.fillingAbove,
      this.settings.fillingClearAtOrBelow,
      (detail) => deps.onFilling?.(detail),
    )
    this.replayer = new Replayer({
      log: deps.log,
      clock: deps.clock,
      random: deps.random ?? Math.random,
      backoff: deps.backoff ?? replayBackoff(),
      settings: () => this.settings,
      target: deps.target,
      acquire: deps.acquire,
      usable: deps.usable,
      directWritesInFlight: () => this.directInFlight,
      onChange: (what) => this.changed(what),
      onEvent: (event) => deps.onEvent?.(event),
      onApplied: (count) => this.rate.add(count),
    })
    this.filling.update(deps.log.stats().depth, this.settings.maxQueueSize)
    this.replayer.kick()
  }

  /**
   * Runs the write now when the profile is usable and nothing is queued ahead of it; otherwise
   * queues it (queueIfUnavailable) or answers 'unavailable' with the reason, for the UI to ask.
   */
  async submit(
    sql: string,
    params: QueueParam[] = [],
    options: { queueIfUnavailable: boolean },
  ): Promise<SubmitOutcome> {
    this.checkStatement(sql)
    let reason = this.cannotRunNow()
    if (reason === null) {
      this.directInFlight++
      try {
        const result = await runDirect(this.directContext(), sql, params)
        if (result.kind === 'applied') return { outcome: 'applied', rowCount: result.rowCount }
        reason = {
          code: result.failure.error.code,
          message: result.failure.error.message,
        } as ErrorInfo
      } finally {
        this.directInFlight--
        this.replayer.kick()
      }
    }
    if (!options.queueIfUnavailable) return { outcome: 'unavailable', reason }
    const op = await this.enqueue({ kind: 'statement', sql, params })
    const position = this.deps.log.queued().findIndex((o) => o.seq === op.seq) + 1
    return { outcome: 'queued', operationId: op.id, position: position > 0 ? position : 1 }
  }

  /** Queues an operation (the history sink, a submitted write); resolves once it is durable. */
  async enqueue(input: EnqueueInput): Promise<QueuedOperation> {
    this.ensureOpen()
    this.checkStatement(input.sql)
    let op: QueuedOperation
    try {
      op = await this.deps.log.enqueue({
        id: input.id ?? randomUUID(),
        kind: input.kind ?? 'statement',
        payload: { sql: input.sql, params: input.params ?? [] },
        enqueuedAt: this.deps.clock.wallNow(),
      })
    } catch (error) {
      if (error instanceof LifeguardError && error.code === 'storage')
        this.replayer.storageFailed(error)
      if (error instanceof LifeguardError && error.code === 'queue-full')
        this.deps.onEvent?.(events.queueFull(error.message))
      throw error
    }
    this.deps.onEvent?.(events.enqueued(op, this.deps.log.stats().depth))
    this.changed('counters')
    this.replayer.kick()
    return op
  }

  view(limit = 200): QueueView {
    return queueView(this.inputs(), limit)
  }

  status(): QueueStatus {
    return queueStatus(this.inputs())
  }

  /** The user's decision about the operation replay stopped at. */
  async resolve(
    operationId: string,
    action: 'retry' | 'skip' | 'edit',
    sql?: string,
    params?: QueueParam[],
  ): Promise<QueueView> {
    this.ensureOpen()
    this.findQueued(operationId)
    if (action === 'edit') {
      if (sql === undefined) throw new LifeguardError('validation', 'edit needs the new statement')
      this.checkStatement(sql)
    }
    const payload = action === 'edit' ? { sql: sql!, params: params ?? [] } : undefined
    await this.replayer.resolve(operationId, action, payload)
    this.changed('state')
    return this.view()
  }

  /** Puts a moved-aside operation back at the end of the queue. */
  async requeue(operationId: string): Promise<QueueView> {
    this.ensureOpen()
    if (!this.deps.log.aside().some((op) => op.id === operationId))
      throw new LifeguardError('not-found', `no moved-aside operation ${operationId}`)
    await this.replayer.exclusive(() => this.deps.log.requeue(operationId))
    this.changed('counters')
    this.replayer.kick()
    return this.view()
  }

  exportOperations(which: ExportWhich): MetricsExport {
    return exportOperations({
      profileId: this.profileId,
      profileLabel: this.deps.profileLabel,
      which,
      queued: this.deps.log.queued(),
      aside: this.deps.log.aside(),
      exportedAt: this.deps.clock.wallNow(),
    })
  }

  /**
   * The user consented (true) to lifeguard.applied_operations: it is created now if the database
   * is usable (a failure, e.g. no CREATE privilege, is thrown and nothing changes), else on the
   * replay's first use. false: stop using it (at-least-once from now on; the table stays).
   */
  async setExactlyOnce(enabled: boolean): Promise<QueueStatus> {
    this.ensureOpen()
    const create = enabled && !this.settings.exactlyOnce && this.deps.usable().usable
    if (create) await ensureAppliedTable(this.directContext())
    this.settings = { ...this.settings, exactlyOnce: enabled }
    this.replayer.exactlyOnceChanged(enabled)
    if (create) this.replayer.tableCreated()
    this.deps.onSettingsChanged?.(this.settings)
    this.changed('state')
    return this.status()
  }

  /** Call with every status change of the profile (health, breaker). */
  healthChanged(): void {
    this.replayer.healthChanged()
  }

  /** Resolves when the replay loop has nothing in flight (tests, benchmarks, shutdown). */
  settled(): Promise<void> {
    return this.replayer.settled()
  }

  /** Stops replay (after the batch in flight) and every timer. The log stays open (the store's). */
  async close(): Promise<void> {
    this.closed = true
    this.timers.clearAll()
    await this.replayer.close()
  }

  // ---- internals ------------------------------------------------------------------------------

  /** Why a write cannot run at once, or null. */
  private cannotRunNow(): ErrorInfo | null {
    this.ensureOpen()
    const view = this.replayer.view()
    return whyNotNow({
      damaged: this.deps.log.damage !== null,
      readOnly:
        view.state === 'waiting-for-database' && view.wait?.reason === 'read-only'
          ? view.wait.message
          : null,
      depth: this.deps.log.stats().depth,
      usable: this.deps.usable(),
    })
  }

  private checkStatement(sql: string): void {
    const problem = statementProblem(sql)
    if (problem) throw new LifeguardError('validation', describeStatementProblem(problem))
  }

  private findQueued(operationId: string): QueuedOperation {
    const op = this.deps.log.queued().find((o) => o.id === operationId)
    if (!op) throw new LifeguardError('not-found', `no queued operation ${operationId}`)
    return op
  }

  private directContext() {
    return {
      acquire: this.deps.acquire,
      clock: this.deps.clock,
      target: this.deps.target,
      timeoutMs: this.settings.operationTimeoutMs,
    }
  }

  private inputs(): StatusInputs {
    return {
      profileId: this.profileId,
      log: this.deps.log,
      replay: this.replayer.view(),
      maxQueueSize: this.settings.maxQueueSize,
      exactlyOnce: this.settings.exactlyOnce,
      replayRatePerSecond: this.rate.perSecond(),
      wallNow: this.deps.clock.wallNow(),
    }
  }

  /** State changes are pushed at once; counter changes at most every statusMinGapMs (trailing). */
  private changed(what: 'state' | 'counters'): void {
    this.filling.update(this.deps.log.stats().depth, this.settings.maxQueueSize)
    if (this.closed || !this.deps.onStatus) return
    const wait = this.lastPushAt + this.settings.statusMinGapMs - this.deps.clock.now()
    if (what === 'counters' && wait > 0) {
      if (!this.timers.isArmed('status')) this.timers.arm('status', wait, () => this.push())
      return
    }
    this.push()
  }

  private push(): void {
    this.timers.clear('status')
    this.lastPushAt = this.deps.clock.now()
    this.deps.onStatus?.(this.status())
  }

  private ensureOpen(): void {
    if (this.closed) throw new LifeguardError('invalid-state', 'the write queue is closed')
  }
}
