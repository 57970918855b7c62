/**
 * Drain and resume of a profile session's pool, with the progress ProfileStatus.drain carries
 * (drain-tracker.ts) and the engine events 'drain-started' / 'drain-ended'.
 *
 * A drain pauses Lifeguard's own session samples and moves its health probes off the pool (the
 * pool would refuse both with 'pool-draining', which says nothing about the database) until the
 * pool runs again: resumed by the user or by the deadline choice 'resume'. A deadline is the pool's own (pool.drain's
 * `deadlineMs` / `onDeadline`); its 'drain-deadline' event marks the progress, before the choice
 * is applied.
 */
import {
  poolPaused,
  type DrainDeadlineChoiceName,
  type DrainProgress,
} from '../../../shared/cockpit'
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import type { RecordEvent } from '../events/profile-event-recorder'
import type { ConnectionPool } from '../pool/engine'
import { drainEndedText, drainStartedText } from './drain-texts'
import { DrainTracker, type DrainEnd } from './drain-tracker'

export interface DrainRequest {
  deadlineMs?: number | undefined
  onDeadline?: DrainDeadlineChoiceName | undefined
}

export interface DrainHooks {
  clock: Clock
  record: RecordEvent
  /** Samples off and probes aside (a drain starts); both back on the pool (it runs again). */
  pauseMonitoring(): void
  resumeMonitoring(): void
  /** The progress changed: push the status. */
  changed(): void
}

export class DrainControl {
  private readonly tracker = new DrainTracker()
  private pool: ConnectionPool | undefined
  private unwatch: (() => void) | undefined

  constructor(private readonly hooks: DrainHooks) {}

  get phase(): DrainProgress['phase'] | null {
    return this.tracker.phase
  }

  /** The current or last drain of `pool` (live figures while draining). */
  view(pool: ConnectionPool | undefined): DrainProgress | null {
    return this.tracker.view(pool?.stats().active)
  }

  /** A new connection: no drain yet. */
  reset(): void {
    this.stopWatching()
    this.tracker.clear()
    this.pool = undefined
  }

  /** Starts draining a running pool; refused (nothing changes) otherwise. */
  drain(pool: ConnectionPool, request: DrainRequest): void {
    if (pool.state !== 'running')
      throw new LifeguardError(
        'invalid-state',
        `the pool is ${pool.state}: only a running pool can be drained`,
      )
    const { clock } = this.hooks
    const { deadlineMs } = request
    const onDeadline = request.onDeadline ?? 'cancel'
    this.hooks.pauseMonitoring()
    const inUse = pool.stats().active
    this.pool = pool
    this.tracker.start(inUse, deadlineMs, onDeadline, clock.wallNow())
    this.hooks.record('drain-started', 'info', drainStartedText(inUse, deadlineMs, onDeadline), {
      inUse,
      deadlineMs: deadlineMs ?? null,
      onDeadline,
    })
    this.stopWatching()
    // Marked at once (the drain may end as the choice is applied); pushed after the pool's step.
    this.unwatch = pool.on('drain-deadline', () => {
      if (this.pool === pool && this.tracker.deadlinePassed())
        queueMicrotask(() => this.hooks.changed())
    })
    const done = pool.drain(deadlineMs === undefined ? {} : { deadlineMs, onDeadline })
    // Nothing in use: the pool is drained already. Said now, so the answer agrees with the pool
    // state it carries (an answer saying 'draining', merged after the pushes, would stick).
    if ((pool.state as ConnectionPool['state']) === 'drained') this.ended(pool, 'drained')
    done.then(
      (outcome) => {
        if (this.pool === pool) this.ended(pool, outcome)
      },
      () => undefined,
    )
  }

  /** Back to running; refused (nothing changes) unless the pool is draining or drained. */
  resume(pool: ConnectionPool | undefined): void {
    if (!pool || !poolPaused(pool.state))
      throw new LifeguardError(
        'invalid-state',
        `the pool is ${pool?.state ?? 'not open'}: only a draining or drained pool can be resumed`,
      )
    pool.resume()
    this.ended(pool, 'resumed')
    this.hooks.resumeMonitoring()
  }

  /** The pool changed state: a drained pool ends the drain now (its promise settles later). */
  poolStateChanged(pool: ConnectionPool): void {
    if (this.pool === pool && pool.state === 'drained') this.ended(pool, 'drained')
  }

  /** The pool is being shut down (shutdown or disconnect). */
  closing(pool: ConnectionPool): void {
    if (this.pool === pool) this.ended(pool, 'closed')
  }

  /** With each stats push: true if the connections still in use changed since the last push. */
  progressMoved(pool: ConnectionPool): boolean {
    return this.pool === pool && this.tracker.update(pool.stats().active)
  }

  private ended(pool: ConnectionPool, outcome: DrainEnd): void {
    const was = this.tracker.phase
    if (!this.tracker.end(outcome, this.hooks.clock.wallNow(), pool.stats().active)) return
    this.stopWatching()
    const p = this.tracker.view()!
    if (was === 'draining')
      this.hooks.record('drain-ended', p.deadlinePassed ? 'warning' : 'info', drainEndedText(p), {
        outcome,
        inUse: p.inUse,
        durationMs: (p.endedAt ?? p.startedAt) - p.startedAt,
        deadlinePassed: p.deadlinePassed,
      })
    if (outcome === 'resumed') this.hooks.resumeMonitoring()
    this.hooks.changed()
  }

  private stopWatching(): void {
    this.unwatch?.()
    this.unwatch = undefined
  }
}
