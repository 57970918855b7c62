/**
 * When a profile's pool figures are pushed (pool:stats-changed, and with each push the metrics
 * history's sample): at most 1 Hz when the pool's counts stay put, at most 4 Hz when they move.
 *
 * - A heartbeat pushes one second after the previous push, whatever happened.
 * - A change of the counts (a pool event) pushes once they have settled (SETTLE_MS) and at least
 *   statsMinGapMs (250 ms) after the previous push, if the gauges (total, active, idle, waiting,
 *   pending creates) then differ from the last pushed ones. So Lifeguard's own probe or session
 *   sample, which takes a connection and gives it back within milliseconds, costs no push of its
 *   own (its counters go out with the next heartbeat), while a busy pool is drawn 4 times a second.
 */
import type { PoolStats } from '../../../shared/domain'
import type { Clock, TimerHandle } from '../core/clock'
import { defaults } from '../defaults'

/** How long counts may keep moving before a change is pushed (a quick acquire and release). */
export const SETTLE_MS = 50

const gauges = ['total', 'active', 'idle', 'waiting', 'pendingCreates'] as const

function gaugesDiffer(a: PoolStats, b: PoolStats | undefined): boolean {
  return b === undefined || gauges.some((g) => a[g] !== b[g])
}

export class StatsPusher {
  private lastAt = -Infinity
  private last: PoolStats | undefined
  private heartbeat: TimerHandle | undefined
  private change: TimerHandle | undefined
  private running = false

  constructor(
    private readonly clock: Clock,
    private readonly read: () => PoolStats | undefined,
    private readonly push: (stats: PoolStats) => void,
  ) {}

  start(): void {
    this.running = true
    this.armHeartbeat()
  }

  stop(): void {
    this.running = false
    this.clock.clearTimeout(this.heartbeat)
    this.clock.clearTimeout(this.change)
    this.heartbeat = undefined
    this.change = undefined
  }

  /** The pool's counts may have changed. */
  changed(): void {
    if (this.change !== undefined || !this.running) return
    const now = this.clock.now()
    const due = Math.max(now + SETTLE_MS, this.lastAt + defaults.statsMinGapMs)
    this.change = this.clock.setTimeout(() => {
      this.change = undefined
      const stats = this.read()
      if (stats && gaugesDiffer(stats, this.last)) this.pushNow(stats)
    }, due - now)
  }

  /** Pushes the current figures now (connect, disconnect) and restarts the heartbeat. */
  pushNow(stats = this.read()): void {
    if (!stats) return
    this.lastAt = this.clock.now()
    this.last = stats
    this.push(stats)
    if (this.running) this.armHeartbeat()
  }

  private armHeartbeat(): void {
    this.clock.clearTimeout(this.heartbeat)
    this.heartbeat = this.clock.setTimeout(() => {
      this.heartbeat = undefined
      this.pushNow()
    }, defaults.statsIntervalMs)
  }
}
