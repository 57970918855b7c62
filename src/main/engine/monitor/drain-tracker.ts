/**
 * The progress of a profile's current (or last) drain, as ProfileStatus.drain carries it:
 *
 *   draining -> drained   the last connection in use came back (or was ended at the deadline)
 *   draining -> resumed   resumed by the user, or by the deadline choice 'resume'
 *   draining -> closed    shut down or disconnected first
 *   drained  -> resumed | closed
 *
 * `inUse` follows the pool's active count while draining (the progress bar: inUse of
 * inUseAtStart). Times are wall-clock ms, for display.
 */
import type { DrainDeadlineChoiceName, DrainProgress } from '../../../shared/cockpit'

export type DrainEnd = 'drained' | 'resumed' | 'closed'

export class DrainTracker {
  private progress: DrainProgress | null = null

  get phase(): DrainProgress['phase'] | null {
    return this.progress?.phase ?? null
  }

  start(
    inUse: number,
    deadlineMs: number | undefined,
    onDeadline: DrainDeadlineChoiceName,
    wallNow: number,
  ): void {
    this.progress = {
      phase: 'draining',
      startedAt: wallNow,
      deadlineAt: deadlineMs === undefined ? null : wallNow + deadlineMs,
      onDeadline,
      inUseAtStart: inUse,
      inUse,
      deadlinePassed: false,
      endedAt: null,
    }
  }

  /**
   * The pool's connections in use now, as last pushed: true if that differs from the previous
   * push (then the status goes out with the stats).
   */
  update(inUse: number): boolean {
    const p = this.progress
    if (!p || p.phase !== 'draining' || p.inUse === inUse) return false
    p.inUse = inUse
    return true
  }

  deadlinePassed(): boolean {
    const p = this.progress
    if (!p || p.phase !== 'draining' || p.deadlinePassed) return false
    p.deadlinePassed = true
    return true
  }

  /** The drain ended (or a drained pool was resumed or closed); true if that changed the phase. */
  end(outcome: DrainEnd, wallNow: number, inUse: number): boolean {
    const p = this.progress
    if (!p || p.phase === outcome || p.phase === 'resumed' || p.phase === 'closed') return false
    if (p.phase === 'draining') {
      p.endedAt = wallNow
      p.inUse = inUse
    }
    p.phase = outcome
    return true
  }

  clear(): void {
    this.progress = null
  }

  /** A copy; while draining, `inUse` is the live figure when given. */
  view(liveInUse?: number): DrainProgress | null {
    const p = this.progress
    if (!p) return null
    return p.phase === 'draining' && liveInUse !== undefined ? { ...p, inUse: liveInUse } : { ...p }
  }
}
