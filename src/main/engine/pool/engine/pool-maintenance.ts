/**
 * The pool's background jobs, each a named function on the injected clock (HikariCP's names):
 *   HouseKeeper      every housekeepingMs: closes idle connections above `min` unused for
 *                    idleTimeoutMs (least recently used first), then pulses (refill to `min`).
 *   KeepaliveTask    per connection, every keepaliveMs less up to 10 % jitter: `SELECT 1` on it
 *                    if idle and not used within validationBypassMs; a failure removes it.
 *   MaxLifetimeTask  per connection, at its jittered end of life: removes it if idle, else marks
 *                    it to be retired on release.
 *   LeakDetector     one periodic sweep over leases (leak-detector.ts).
 */
import { RepeatingTask } from '../../core/clock'
import { LeakDetector, siteText } from './leak-detector'
import { labelOf, type PoolEntry } from './pool-entry'
import { PoolCore, type PoolDeps } from './pool-core'
import type { PoolOptionsInput } from './pool-options'

export abstract class MaintainedPool extends PoolCore {
  private readonly houseKeeperTask: RepeatingTask
  private readonly leakDetector: LeakDetector | undefined
  /** Whether acquire captures its call site (see leakSiteCapture). */
  protected captureSites: boolean

  constructor(deps: PoolDeps, options: PoolOptionsInput = {}) {
    super(deps, options)
    const o = this.options
    this.houseKeeperTask = new RepeatingTask('HouseKeeper', this.clock, o.housekeepingMs, () =>
      this.houseKeeper(),
    )
    this.leakDetector =
      o.leakDetectionMs > 0
        ? new LeakDetector(
            this.clock,
            o.leakDetectionMs,
            () => this.entries,
            (entry, heldMs) => this.reportLeak(entry, heldMs),
          )
        : undefined
    this.captureSites = o.leakDetectionMs > 0 && o.leakSiteCapture === 'always'
  }

  protected startMaintenance(): void {
    this.houseKeeperTask.start()
    this.leakDetector?.start()
  }

  protected stopMaintenance(): void {
    this.houseKeeperTask.stop()
    this.leakDetector?.stop()
  }

  /** Idle timeout down to `min`, then refill to `min` through the scheduler. */
  houseKeeper(): void {
    if (this.current !== 'running') return
    const { idleTimeoutMs, min } = this.options
    if (idleTimeoutMs > 0) {
      const now = this.clock.now()
      const stale = this.idle.filter((e) => now - e.idleSince >= idleTimeoutMs)
      // idle[0] is the least recently used.
      for (const entry of stale) {
        if (this.entries.size <= min) break
        void this.removeEntry(entry, 'idle-timeout')
      }
    }
    this.pulse()
  }

  protected armEntry(entry: PoolEntry): void {
    const { keepaliveMs } = this.options
    if (keepaliveMs > 0) this.armKeepalive(entry)
    if (entry.expiresAt !== Infinity) {
      const maxLifetimeTask = () => this.maxLifetimeTask(entry)
      entry.lifetimeTimer = this.clock.setTimeout(
        maxLifetimeTask,
        entry.expiresAt - this.clock.now(),
      )
    }
  }

  private armKeepalive(entry: PoolEntry): void {
    const period = this.options.keepaliveMs
    const keepaliveTask = () => this.keepaliveTask(entry)
    entry.keepaliveTimer = this.clock.setTimeout(
      keepaliveTask,
      period - Math.floor(period * 0.1 * this.random()),
    )
  }

  keepaliveTask(entry: PoolEntry): void {
    entry.keepaliveTimer = undefined
    if (entry.state === 'removed') return
    const now = this.clock.now()
    if (
      this.current === 'running' &&
      entry.state === 'idle' &&
      now - entry.aliveAt >= this.options.validationBypassMs
    ) {
      this.takeIdle(entry)
      this.check(entry, 'validate')
    }
    this.armKeepalive(entry)
  }

  maxLifetimeTask(entry: PoolEntry): void {
    entry.lifetimeTimer = undefined
    if (entry.state === 'removed') return
    if (entry.state === 'idle') {
      void this.removeEntry(entry, 'max-lifetime')
      this.pulse()
    } else entry.expired = true
  }

  private reportLeak(entry: PoolEntry, heldMs: number): void {
    this.counters.leaks++
    this.emit('leak', {
      ...this.ref(entry),
      holder: labelOf(entry.holder),
      site: siteText(entry.site),
      heldMs,
    })
    if (this.options.leakSiteCapture === 'after-first-leak') this.captureSites = true
  }
}
