/**
 * Lifeguard's connection pool: sizing and lifecycle, prioritised waiting with ageing, self-deadlock
 * detection, leak detection, drain / resume / shutdown, and metrics. Bookkeeping lives in
 * pool-core.ts, background jobs in pool-maintenance.ts, the scheduler in pool-scheduler.ts; this
 * file holds the public operations.
 *
 * Hot path (acquire with an idle connection and nobody waiting, then release): no timer, no
 * closure and no queue work. acquire reads the clock once, pops the idle stack, fills fields of
 * the reused entry, allocates one small lease and one resolved promise, and records 0 in the
 * wait histogram (O(1), no allocation). Validation is skipped when the connection was alive
 * within validationBypassMs (500 ms). release reads the clock once, records the hold time, asks
 * the connection for its transaction status, pushes the entry back and runs the scheduler, which
 * returns after a few comparisons when nobody waits and the pool is at its size. Events are built
 * only when someone listens. The acquire timeout timer exists only for callers that really wait;
 * leaks are found by one periodic sweep, not a timer per lease. The one optional cost is the
 * acquire-site capture for leak reports (~2 µs; see leakSiteCapture in pool-options.ts).
 *
 * Reset on release: when the connection reports a transaction in progress or failed
 * (`transactionStatus()`, or pg's `getTransactionStatus()`), the pool runs `ROLLBACK` before reuse
 * and removes the connection if that fails or leaves it in a transaction. When the status is
 * unknown, it rolls back only if the holder released with `{ dirty: true }`.
 *
 * Partitions (reserved capacity, partitions.ts) cost nothing here when none are configured: the
 * checks below are `this.partitions !== undefined` and `options.partition !== undefined`.
 */
import type { TimerHandle } from '../../core/clock'
import { LifeguardError } from '../../core/errors'
import { within } from './connection-ops'
import { captureSite } from './leak-detector'
import { groupOf, partitionError } from './partitions'
import type { PoolDeps } from './pool-core'
import { transactionStatusOf } from './pool-connection'
import { labelOf, type AcquireSite, type PoolHolder } from './pool-entry'
import {
  acquireTimeout,
  doubleRelease,
  poolDraining,
  poolNotOpen,
  queueFull,
  selfDeadlock,
} from './pool-errors'
import { PoolLease, type ReleaseOptions } from './pool-lease'
import { ScheduledPool } from './pool-scheduler'
import { FOREVER_MS, type PoolOptionsInput } from './pool-options'
import type {
  AcquireOptions,
  DrainDeadlineChoice,
  DrainOptions,
  DrainOutcome,
  WaitTicket,
} from './pool-call-options'
import { priorityLevel, Waiter } from './wait-queue'

const noop = () => undefined

export class ConnectionPool extends ScheduledPool {
  private drainTimer: TimerHandle | undefined = undefined
  private drainDone: Promise<DrainOutcome> | undefined = undefined
  private settleDrain: ((outcome: DrainOutcome) => void) | undefined = undefined
  private closed: Promise<void> | undefined = undefined

  constructor(deps: PoolDeps, options: PoolOptionsInput = {}) {
    super(deps, options)
  }

  /**
   * Opens `initial` connections (at most maxConcurrentCreates at a time) and starts running. If
   * one cannot be opened, the pool shuts down and this rejects with that error.
   */
  async start(): Promise<void> {
    if (this.current !== 'starting') throw poolNotOpen(this.current)
    let remaining = this.options.initial
    let failure: unknown
    const opener = async () => {
      while (remaining > 0 && failure === undefined && this.current === 'starting') {
        remaining--
        await this.createOne().catch((error: unknown) => (failure ??= error))
      }
    }
    const openers = Math.min(this.options.maxConcurrentCreates, remaining)
    await Promise.all(Array.from({ length: openers }, opener))
    if (this.current !== 'starting') throw poolNotOpen(this.current)
    if (failure !== undefined) {
      await this.shutdown()
      throw failure
    }
    this.transition('running')
    this.startMaintenance()
    this.pulse()
  }

  acquire(options?: AcquireOptions): Promise<PoolLease> {
    const site = this.captureSites
      ? captureSite(options?.siteAbove ?? ConnectionPool.prototype.acquire)
      : undefined
    let group = 0
    if (options?.partition !== undefined) {
      group = groupOf(this.partitions, options.partition)
      if (group < 0) return Promise.reject(partitionError(this.partitions, options.partition))
    }
    const n = this.idle.length
    if (
      n > 0 &&
      this.queue.size === 0 &&
      this.current === 'running' &&
      (this.partitions === undefined || this.partitions.eligible(group))
    ) {
      const entry = this.idle[n - 1]!
      const now = this.clock.now()
      if (
        !this.options.validateOnAcquire ||
        entry.checked ||
        now - entry.aliveAt < this.options.validationBypassMs
      ) {
        this.idle.pop()
        this.counters.acquireWait.record(0)
        // Nothing else changed that the scheduler acts on (total and waiters are the same).
        return Promise.resolve(this.lend(entry, options?.holder, site, now, 0, group))
      }
    }
    return this.enqueue(options, site, group)
  }

  /** Fails every waiting caller with `error` (the circuit breaker opened); returns how many. */
  rejectWaiters(error: Error): number {
    const waiters = this.queue.removeWhere(() => true)
    for (const w of waiters) this.fail(w, error)
    if (waiters.length > 0) this.pulse()
    return waiters.length
  }

  /** 1-based place of a waiting caller (see AcquireOptions.onQueued); 0 once it stopped waiting. */
  queuePosition(ticket: WaitTicket): number {
    return this.queue.position(ticket as Waiter, this.clock.now())
  }

  /** @internal called by PoolLease.release */
  releaseLease(lease: PoolLease, outcome: Error | ReleaseOptions | undefined): void {
    if (lease.released) throw doubleRelease(lease.entry.id)
    lease.released = true
    this.counters.releases++
    const entry = lease.entry
    // Removed while held (broken, terminated, shut down): nothing to give back.
    if (entry.state !== 'in-use') return
    const now = this.clock.now()
    const heldMs = now - entry.acquiredAt
    this.counters.usage.record(heldMs)
    const holder = entry.holder
    entry.holder = undefined
    entry.site = undefined
    if (entry.leakReported) {
      entry.leakReported = false
      this.emit('leak-resolved', { ...this.ref(entry), holder: labelOf(holder), heldMs })
    }
    if (this.listenerCount('released') > 0)
      this.emit('released', { ...this.ref(entry), holder: labelOf(holder), heldMs })
    let error: Error | undefined
    let dirty = false
    if (outcome instanceof Error) error = outcome
    else if (outcome !== undefined) {
      error = outcome.error
      dirty = outcome.dirty === true
    }
    const s = this.current
    if (error !== undefined) void this.removeEntry(entry, 'broken', true)
    else if (s !== 'running') void this.removeEntry(entry, s === 'closing' ? 'shutdown' : 'drain')
    else if (entry.expired || now >= entry.expiresAt) void this.removeEntry(entry, 'max-lifetime')
    else {
      this.unlend(entry)
      const tx = transactionStatusOf(entry.connection)
      if (tx === 'in-transaction' || tx === 'failed' || (tx === 'unknown' && dirty))
        this.check(entry, 'reset')
      else this.toIdle(entry, now, true)
    }
    this.pulse()
  }

  /**
   * Stops handing out connections: waiters and new callers get 'pool-draining' (unless they
   * passed waitIfDraining), idle connections close now, those in use close when released.
   * Resolves 'drained' when the pool is empty, 'resumed' if resumed first, 'closed' on shutdown.
   * A second call during a drain joins it (its options are ignored).
   */
  drain(options: DrainOptions = {}): Promise<DrainOutcome> {
    if (this.current === 'drained') return Promise.resolve('drained')
    if (this.current === 'draining' && this.drainDone) return this.drainDone
    if (this.current !== 'running')
      return Promise.reject(
        new LifeguardError('invalid-state', `cannot drain a pool that is ${this.current}`),
      )
    this.transition('draining')
    this.drainDone = new Promise<DrainOutcome>((resolve) => (this.settleDrain = resolve))
    for (const w of this.queue.removeWhere((x) => !x.waitIfDraining)) this.fail(w, poolDraining())
    const { deadlineMs, onDeadline = 'cancel' } = options
    if (deadlineMs !== undefined) {
      const drainDeadline = () => this.drainDeadline(onDeadline)
      this.drainTimer = this.clock.setTimeout(drainDeadline, deadlineMs)
    }
    const done = this.drainDone
    this.pulse()
    return done
  }

  /** Back to running after a drain (or during one): refills to min and serves waiters. */
  resume(): void {
    if (this.current !== 'draining' && this.current !== 'drained')
      throw new LifeguardError('invalid-state', `cannot resume a pool that is ${this.current}`)
    this.transition('running')
    this.endDrain('resumed')
    this.pulse()
  }

  /**
   * Immediate: waiters are rejected, idle connections closed, connections in use destroyed and
   * their server backends terminated (their holders' next query fails; their release is a no-op). Creations that finish later
   * are closed. Resolves when every known connection is closed (or after validationTimeoutMs).
   */
  shutdown(): Promise<void> {
    if (this.closed) return this.closed
    this.transition('closing')
    this.stopMaintenance()
    this.stopCreateRetry()
    this.endDrain('closed')
    for (const w of this.queue.removeWhere(() => true))
      this.fail(w, new LifeguardError('pool-closed', 'the pool was shut down while waiting'))
    const closing: Promise<unknown>[] = []
    for (const e of this.entries) {
      const busy = e.state !== 'idle'
      // Closing the socket does not stop a query the server is running: end that backend too.
      const pid = e.backendPid
      if (busy && pid !== undefined && this.deps.terminateBackend)
        closing.push(this.deps.terminateBackend(pid).catch(noop))
      closing.push(this.removeEntry(e, 'shutdown', busy))
    }
    // A close that hangs (dead network) must not hold shutdown forever.
    const ms = this.options.validationTimeoutMs
    this.closed = within(this.clock, Promise.all(closing), ms, 'closing connections')
      .catch(noop)
      .then(() => this.transition('closed'))
    return this.closed
  }

  private enqueue(
    options: AcquireOptions | undefined,
    site: AcquireSite | undefined,
    group: number,
  ) {
    const s = this.current
    const waitIfDraining = options?.waitIfDraining === true
    if (s === 'closing' || s === 'closed') return Promise.reject(poolNotOpen(s))
    if ((s === 'draining' || s === 'drained') && !waitIfDraining)
      return Promise.reject(poolDraining())
    if (this.queue.size >= this.options.maxWaiting)
      return Promise.reject(queueFull(this.options.maxWaiting, this.stats()))
    const holder = options?.holder
    if (holder !== undefined && s === 'running' && this.wouldSelfDeadlock(holder))
      return Promise.reject(selfDeadlock(labelOf(holder)!, this.stats()))
    const now = this.clock.now()
    const timeoutMs = options?.timeoutMs ?? this.options.acquireTimeoutMs
    const level = priorityLevel[options?.priority ?? 'normal']
    return new Promise<PoolLease>((resolve, reject) => {
      const w = new Waiter(
        this.queue.takeSeq(),
        level,
        now,
        holder,
        site,
        waitIfDraining,
        timeoutMs,
        resolve,
        reject,
      )
      w.group = group
      // "Forever" (pg-pool's connectionTimeoutMillis 0, mapped to the largest timer) needs no timer.
      if (timeoutMs < FOREVER_MS) {
        const acquireTimeoutTask = () => this.timedOut(w)
        w.timer = this.clock.setTimeout(acquireTimeoutTask, timeoutMs)
      }
      this.queue.push(w)
      if (options?.onQueued) {
        try {
          options.onQueued(this.queue.position(w, now), w)
        } catch {
          // a throwing callback must not break the queue
        }
      }
      this.pulse()
    })
  }

  /**
   * A caller that holds connections would wait forever if the pool cannot grow, nothing is idle
   * or on its way, and every connection is held by callers that are themselves waiting.
   */
  private wouldSelfDeadlock(holder: PoolHolder): boolean {
    if (this.idle.length > 0 || this.validating > 0 || this.pending > 0) return false
    if (this.entries.size < this.options.max) return false
    let holds = false
    for (const e of this.entries) {
      if (e.holder === holder) holds = true
      else if (e.holder === undefined || !this.queue.waitingHolders.has(e.holder)) return false
    }
    return holds
  }

  private timedOut(w: Waiter): void {
    if (w.settled) return
    this.queue.remove(w)
    const error = acquireTimeout(w.timeoutMs, this.stats(), this.lastCreateError)
    this.counters.timeouts++
    this.emit('timeout', {
      code: error.code as 'pool-exhausted' | 'database-unreachable',
      message: error.message,
      waitedMs: this.clock.now() - w.enqueuedAt,
    })
    this.fail(w, error)
    this.pulse()
  }

  private drainDeadline(choice: DrainDeadlineChoice): void {
    this.drainTimer = undefined
    if (this.current !== 'draining') return
    this.emit('drain-deadline', { choice, inUse: this.active })
    if (choice === 'resume') return this.resume()
    for (const entry of [...this.entries]) {
      const pid = entry.backendPid
      if (choice === 'cancel') {
        if (pid !== undefined && entry.state === 'in-use')
          this.deps.cancelBackend?.(pid).catch(noop)
      } else {
        if (pid !== undefined) this.deps.terminateBackend?.(pid).catch(noop)
        void this.removeEntry(entry, 'drain', true)
      }
    }
    this.pulse()
  }

  protected endDrain(outcome: DrainOutcome): void {
    this.clock.clearTimeout(this.drainTimer)
    this.drainTimer = undefined
    this.settleDrain?.(outcome)
    this.settleDrain = undefined
    this.drainDone = undefined
  }
}
