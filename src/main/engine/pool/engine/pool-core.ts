/**
 * The pool's bookkeeping, shared by the scheduler (pool.ts) and the background jobs
 * (pool-maintenance.ts): the entry set and idle stack with live counters, creation with backoff,
 * checks and resets, and removal. Invariant: total (entries.size) = active + idle + validating.
 */
import { HistogramWindow, type RecentPercentiles } from './histogram-window'
import { systemClock, type Clock, type TimerHandle } from '../../core/clock'
import { TypedEmitter } from '../../core/emitter'
import { checkAlive, closeQuietly, destroyQuietly, rollback } from './connection-ops'
import { backendPidOf, type ConnectionFactory, type PoolConnection } from './pool-connection'
import { Partitions } from './partitions'
import { labelOf, PoolEntry } from './pool-entry'
import type { PoolEvents, RemovalReason } from './pool-events'
import { asError } from './pool-errors'
import {
  PoolMetrics,
  type PoolGauges,
  type PoolHistogramBuckets,
  type PoolMetricsSnapshot,
} from './pool-metrics'
import { resolvePoolOptions, type PoolOptions, type PoolOptionsInput } from './pool-options'
import { assertTransition, type PoolState } from './pool-state'
import { WaitQueue } from './wait-queue'

export interface PoolDeps {
  /** Opens one connection (e.g. `openPgConnection` with the profile's parameters). */
  connect: ConnectionFactory
  clock?: Clock
  /** [0, 1) source for max-lifetime and keepalive jitter; injectable for tests. */
  random?: () => number
  /** Drain deadline 'cancel': cancels the running query of backend `pid` (pg_cancel_backend). */
  cancelBackend?: (pid: number) => Promise<unknown>
  /** Drain deadline 'terminate': ends backend `pid` (pg_terminate_backend). */
  terminateBackend?: (pid: number) => Promise<unknown>
}

export abstract class PoolCore extends TypedEmitter<PoolEvents> {
  readonly options: PoolOptions
  protected readonly clock: Clock
  protected readonly deps: PoolDeps
  protected readonly random: () => number
  protected current: PoolState = 'starting'
  /** Every connection not yet removed. */
  readonly entries = new Set<PoolEntry>()
  /** Idle connections, most recently used last (reused first, so surplus ones age out). */
  readonly idle: PoolEntry[] = []
  protected active = 0
  protected validating = 0
  protected pending = 0
  protected readonly queue: WaitQueue
  /** Reserved capacity (partitions.ts); undefined when none is configured. */
  protected readonly partitions: Partitions | undefined
  protected readonly counters = new PoolMetrics()
  private recentWaits: HistogramWindow | undefined = undefined
  protected lastCreateError: Error | undefined = undefined
  private createsHeld = false
  protected consecutiveFailures = 0
  protected nextCreateAt = 0
  private retryTimer: TimerHandle | undefined = undefined
  private nextId = 1

  constructor(deps: PoolDeps, options: PoolOptionsInput = {}) {
    super()
    this.options = resolvePoolOptions(options)
    this.deps = deps
    this.clock = deps.clock ?? systemClock
    this.random = deps.random ?? Math.random
    this.partitions = Partitions.from(this.options.max, this.options.partitions)
    this.queue = new WaitQueue(this.options.priorityAgingMs, this.partitions?.groupCount)
  }

  /** The scheduler: runs after every state change. */
  protected abstract pulse(): void
  /** Arms the per-connection background jobs (keepalive, max lifetime). */
  protected abstract armEntry(entry: PoolEntry): void

  get state(): PoolState {
    return this.current
  }

  stats(): PoolGauges {
    const gauges: PoolGauges = {
      total: this.entries.size,
      active: this.active,
      idle: this.idle.length,
      validating: this.validating,
      waiting: this.queue.size,
      pendingCreates: this.pending,
      max: this.options.max,
      min: this.options.min,
    }
    if (this.partitions !== undefined) gauges.partitions = this.partitions.gauges(this.queue)
    return gauges
  }

  metrics(): PoolMetricsSnapshot {
    return this.counters.snapshot(this.stats())
  }

  /**
   * Percentiles of the acquire waits of the last ~10 s (histogram-window.ts), not since start.
   * The window's memory (a few bucket snapshots) is taken on the first call; acquires made before
   * it count as recent until 10 s after that call.
   */
  recentAcquireWait(): RecentPercentiles {
    this.recentWaits ??= new HistogramWindow(this.counters.acquireWait, this.clock.now)
    return this.recentWaits.read()
  }

  /** Cumulative histogram counts at these upper bounds (ms), for Prometheus histograms. */
  histogramBuckets(boundsMs: readonly number[]): PoolHistogramBuckets {
    return this.counters.histogramBuckets(boundsMs)
  }

  protected transition(to: PoolState): void {
    const from = this.current
    assertTransition(from, to)
    this.current = to
    this.emit('state-changed', { from, to })
  }

  // ---- creation -------------------------------------------------------------------------------

  /** Opens one connection; it joins the pool as idle (or is closed if the pool no longer runs). */
  protected createOne(): Promise<PoolEntry | undefined> {
    this.pending++
    const startedAt = this.clock.now()
    let opening: Promise<PoolConnection>
    try {
      opening = this.deps.connect()
    } catch (error) {
      opening = Promise.reject(asError(error))
    }
    return opening.then(
      (connection) => this.created(connection, startedAt),
      (error: unknown) => {
        this.createFailed(asError(error))
        throw error
      },
    )
  }

  private created(connection: PoolConnection, startedAt: number): PoolEntry | undefined {
    this.pending--
    const now = this.clock.now()
    this.counters.creates++
    this.counters.creation.record(now - startedAt)
    this.lastCreateError = undefined
    this.consecutiveFailures = 0
    this.nextCreateAt = 0
    const life = this.options.maxLifetimeMs
    const expiresAt = life > 0 ? now + life - Math.floor(life * 0.025 * this.random()) : Infinity
    const entry = new PoolEntry(this.nextId++, connection, backendPidOf(connection), now, expiresAt)
    // Attached first, so an error from this connection can never crash the process.
    connection.on('error', () => this.broken(entry))
    this.entries.add(entry)
    const created = { ...this.ref(entry), creationMs: now - startedAt }
    const s = this.current
    if (s === 'closing' || s === 'closed') {
      this.emit('created', created)
      void this.removeEntry(entry, 'shutdown')
      return undefined
    }
    if (s === 'draining' || s === 'drained') {
      this.emit('created', created)
      void this.removeEntry(entry, 'drain')
      this.pulse()
      return undefined
    }
    this.armEntry(entry)
    this.toIdle(entry, now, true)
    // After it joined the idle stack, so a listener reading stats() sees total = active + idle + validating.
    this.emit('created', created)
    this.pulse()
    return entry
  }

  private createFailed(error: Error): void {
    this.pending--
    this.counters.createFailures++
    this.consecutiveFailures++
    this.lastCreateError = error
    const { createBackoffMs: base, createBackoffMaxMs: cap } = this.options
    const delay = Math.min(cap, base * 2 ** Math.min(30, this.consecutiveFailures - 1))
    this.nextCreateAt = this.clock.now() + delay
    this.emit('create-failed', {
      error,
      consecutiveFailures: this.consecutiveFailures,
      retryInMs: delay,
    })
    this.pulse()
  }

  /**
   * While held, the pool opens no connections at all (neither for waiters nor to refill to min):
   * the health checker holds creations while the database is down, so its backoff is the only
   * retry loop. Releasing forgets the pool's own create backoff and refills at once.
   */
  holdCreates(hold: boolean): void {
    if (this.createsHeld === hold) return
    this.createsHeld = hold
    if (hold) return this.stopCreateRetry()
    this.consecutiveFailures = 0
    this.nextCreateAt = 0
    this.pulse()
  }

  /** Whether the pool reserves capacity under this partition name. */
  hasPartition(name: string): boolean {
    return this.partitions !== undefined && this.partitions.groupOf(name) >= 0
  }

  /** True while creations are held (see holdCreates). */
  get creationsHeld(): boolean {
    return this.createsHeld
  }

  /** True while creation is backing off after failures; arms one retry (`CreateRetry`) if so. */
  protected backingOff(): boolean {
    if (this.createsHeld) return true
    if (this.nextCreateAt === 0) return false
    const wait = this.nextCreateAt - this.clock.now()
    if (wait <= 0) return false
    if (this.retryTimer === undefined) {
      const createRetry = () => {
        this.retryTimer = undefined
        this.pulse()
      }
      this.retryTimer = this.clock.setTimeout(createRetry, wait)
    }
    return true
  }

  protected stopCreateRetry(): void {
    this.clock.clearTimeout(this.retryTimer)
    this.retryTimer = undefined
  }

  // ---- idle, checks, removal ------------------------------------------------------------------

  protected toIdle(entry: PoolEntry, now: number, used: boolean): void {
    entry.state = 'idle'
    entry.aliveAt = now
    if (used) entry.idleSince = now
    this.idle.push(entry)
  }

  /** An in-use connection stops being in use (released or removed). */
  protected unlend(entry: PoolEntry): void {
    this.active--
    if (this.partitions !== undefined) this.partitions.returned(entry.group)
  }

  protected takeIdle(entry: PoolEntry): void {
    const i = this.idle.lastIndexOf(entry)
    if (i >= 0) this.idle.splice(i, 1)
  }

  /** Runs `SELECT 1` (validation) or `ROLLBACK` (reset) on a connection out of the idle stack. */
  protected check(entry: PoolEntry, kind: 'validate' | 'reset'): void {
    entry.state = 'validating'
    this.validating++
    const { clock } = this
    const ms = this.options.validationTimeoutMs
    const run =
      kind === 'reset'
        ? rollback(entry.connection, clock, ms)
        : checkAlive(entry.connection, clock, ms)
    const failed = kind === 'reset' ? 'reset-failed' : 'validation-failed'
    run.then(
      () => this.checked(entry, kind === 'reset', undefined),
      () => this.checked(entry, false, failed),
    )
  }

  private checked(entry: PoolEntry, used: boolean, failed: RemovalReason | undefined): void {
    if (entry.state !== 'validating') return // removed meanwhile
    const now = this.clock.now()
    if (failed) void this.removeEntry(entry, failed, true)
    else if (this.current !== 'running')
      void this.removeEntry(entry, this.current === 'closing' ? 'shutdown' : 'drain')
    else if (entry.expired || now >= entry.expiresAt) void this.removeEntry(entry, 'max-lifetime')
    else {
      this.validating--
      entry.checked = true
      this.toIdle(entry, now, used)
    }
    this.pulse()
  }

  /** The connection reported an error (socket died, backend terminated): remove it at once. */
  private broken(entry: PoolEntry): void {
    if (entry.state === 'removed') return
    void this.removeEntry(entry, 'broken', true)
    this.pulse()
  }

  /** Takes a connection out of the pool for good and closes it; resolves when it is closed. */
  protected removeEntry(entry: PoolEntry, reason: RemovalReason, destroy = false): Promise<void> {
    switch (entry.state) {
      case 'removed':
        return Promise.resolve()
      case 'idle':
        this.takeIdle(entry)
        break
      case 'in-use':
        this.unlend(entry)
        // A leak ends when its connection goes (broken, terminated, shut down), not only on release.
        if (entry.leakReported) {
          entry.leakReported = false
          this.emit('leak-resolved', {
            ...this.ref(entry),
            holder: labelOf(entry.holder),
            heldMs: this.clock.now() - entry.acquiredAt,
          })
        }
        break
      case 'validating':
        this.validating--
        break
    }
    entry.state = 'removed'
    this.entries.delete(entry)
    this.clock.clearTimeout(entry.keepaliveTimer)
    this.clock.clearTimeout(entry.lifetimeTimer)
    entry.keepaliveTimer = entry.lifetimeTimer = undefined
    this.counters.removals[reason]++
    this.emit('removed', { ...this.ref(entry), reason })
    return destroy ? destroyQuietly(entry.connection) : closeQuietly(entry.connection)
  }

  protected ref(entry: PoolEntry): { connectionId: number; backendPid: number | undefined } {
    return { connectionId: entry.id, backendPid: entry.backendPid }
  }
}
