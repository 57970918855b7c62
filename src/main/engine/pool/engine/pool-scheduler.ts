/**
 * The pool's one scheduler (architecture.md convention 6, after pg-pool's `_pulseQueue`): after
 * every state change it hands idle connections to waiters in priority order (validating stale ones
 * first) and opens connections while callers wait for more than are coming or the pool is below
 * min; a draining pool closes its idle connections here. ConnectionPool (pool.ts) adds the public
 * operations on top.
 */
import { labelOf, type AcquireSite, type PoolEntry, type PoolHolder } from './pool-entry'
import { PoolLease, type LeaseOwner, type ReleaseOptions } from './pool-lease'
import { MaintainedPool } from './pool-maintenance'
import type { DrainOutcome } from './pool-call-options'
import type { Waiter } from './wait-queue'

const noop = () => undefined

export abstract class ScheduledPool extends MaintainedPool implements LeaseOwner {
  private pulsing = false
  private pulseAgain = false

  abstract releaseLease(lease: PoolLease, outcome: Error | ReleaseOptions | undefined): void

  /** Settles a drain in progress (pool.ts). */
  protected abstract endDrain(outcome: DrainOutcome): void

  // ---- the scheduler --------------------------------------------------------------------------

  /** Decides everything after a state change; re-entrant calls (from listeners) are folded in. */
  protected pulse(): void {
    if (this.pulsing) {
      this.pulseAgain = true
      return
    }
    this.pulsing = true
    try {
      do {
        this.pulseAgain = false
        this.pulseOnce()
      } while (this.pulseAgain)
    } finally {
      this.pulsing = false
    }
  }

  private pulseOnce(): void {
    const s = this.current
    if (s === 'running') {
      this.serveWaiters()
      this.grow()
    } else if (s === 'draining') {
      while (this.idle.length > 0) void this.removeEntry(this.idle[this.idle.length - 1]!, 'drain')
      if (this.entries.size === 0 && this.pending === 0) {
        this.transition('drained')
        this.endDrain('drained')
      }
    }
  }

  /** Hands idle connections to waiters in priority order; stale ones are validated first. */
  private serveWaiters(): void {
    const { validateOnAcquire, validationBypassMs } = this.options
    let checks = 0
    while (this.queue.size > checks && this.idle.length > 0) {
      const now = this.clock.now()
      const parts = this.partitions
      // With partitions, only a waiter whose group may take a connection now is served.
      const w = parts === undefined ? this.queue.peek(now)! : parts.pick(this.queue, now)
      if (w === undefined) return
      const entry = this.idle.pop()!
      if (validateOnAcquire && !entry.checked && now - entry.aliveAt >= validationBypassMs) {
        checks++
        this.check(entry, 'validate')
        continue
      }
      this.queue.take(w)
      this.clock.clearTimeout(w.timer)
      w.settled = true
      const waited = now - w.enqueuedAt
      this.counters.acquireWait.record(waited)
      w.resolve(this.lend(entry, w.holder, w.site, now, waited, w.group))
    }
  }

  /** Opens connections while callers wait for more than are coming, or the pool is below min. */
  private grow(): void {
    const { max, min, maxConcurrentCreates } = this.options
    while (
      this.pending < maxConcurrentCreates &&
      this.entries.size + this.pending < max &&
      (this.queue.size > this.pending + this.validating ||
        this.entries.size + this.pending < min) &&
      !this.backingOff()
    )
      this.createOne().catch(noop)
  }

  // ---- helpers --------------------------------------------------------------------------------

  protected lend(
    entry: PoolEntry,
    holder: PoolHolder | undefined,
    site: AcquireSite | undefined,
    now: number,
    waitedMs: number,
    group: number,
  ): PoolLease {
    entry.state = 'in-use'
    entry.checked = false
    this.active++
    entry.group = group
    if (this.partitions !== undefined) this.partitions.lent(group)
    entry.holder = holder
    entry.site = site
    entry.acquiredAt = now
    entry.leakReported = false
    this.counters.acquires++
    if (this.listenerCount('acquired') > 0)
      this.emit('acquired', { ...this.ref(entry), holder: labelOf(holder), waitedMs })
    return new PoolLease(this, entry)
  }

  protected fail(w: Waiter, error: Error): void {
    this.queue.remove(w)
    this.clock.clearTimeout(w.timer)
    w.settled = true
    w.reject(error)
  }
}
