/**
 * A Clock over the FakeClock whose next timers fire late, as they do when the event loop was busy
 * or the process was stopped (SIGSTOP) and resumed. FakeClock.advance() fires every timer exactly
 * when it is due, however far it moves, so lateness has to be put in when the timer is armed:
 * the code asks for `ms`, the callback runs at `ms + late`, and `now()` then reads that later time.
 */
import type { Clock, TimerHandle } from '../../../../src/main/engine/core/clock'
import type { FakeClock } from '../../../helpers/fake-clock'

export class LateTimerClock implements Clock {
  private readonly lateness: number[] = []

  constructor(readonly inner: FakeClock) {}

  /** The next timer armed (after any already queued with this) fires `ms` after it was due. */
  makeNextTimerLate(ms: number): void {
    this.lateness.push(ms)
  }

  now = (): number => this.inner.now()
  wallNow = (): number => this.inner.wallNow()

  setTimeout = (callback: () => void, ms: number): TimerHandle =>
    this.inner.setTimeout(callback, ms + (this.lateness.shift() ?? 0))

  clearTimeout = (handle: TimerHandle | undefined): void => this.inner.clearTimeout(handle)
}
