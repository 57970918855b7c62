/**
 * Records when a ProfileSession's connection state changes, on the monotonic clock, straight from
 * its onStatus callback (called synchronously when the health checker changes state).
 */
import type { ConnectionState, ProfileStatus } from '../../src/shared/domain'

export interface Transition {
  state: ConnectionState
  /** performance.now() when the status push arrived. */
  at: number
}

export class StateWatch {
  readonly transitions: Transition[] = []
  private last: ConnectionState = 'disconnected'
  private readonly waiters = new Set<() => void>()

  /** Pass as the session's onStatus. */
  readonly onStatus = (status: ProfileStatus): void => {
    if (status.state === this.last) return
    this.last = status.state
    this.transitions.push({ state: status.state, at: performance.now() })
    for (const wake of [...this.waiters]) wake()
  }

  /** The first change to `state` at or after `since`. */
  firstAfter(state: ConnectionState, since: number): Transition | undefined {
    return this.transitions.find((t) => t.state === state && t.at >= since)
  }

  /** The first change to any state other than `state` at or after `since`. */
  firstAwayFrom(state: ConnectionState, since: number): Transition | undefined {
    return this.transitions.find((t) => t.state !== state && t.at >= since)
  }

  /**
   * Resolves with the time of the first change to `state` at or after `since`. The deadline timer
   * is a normal (ref'd) one: the engine's timers are unref'd, and this keeps the process alive
   * while it waits for them.
   */
  waitFor(state: ConnectionState, since: number, timeoutMs: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.firstAfter(state, since)
        if (!hit) return false
        this.waiters.delete(wake)
        clearTimeout(timer)
        resolve(hit.at)
        return true
      }
      const wake = () => void check()
      const timer = setTimeout(() => {
        this.waiters.delete(wake)
        const seen = this.transitions
          .filter((t) => t.at >= since)
          .map((t) => `${t.state} at +${Math.round(t.at - since)} ms`)
        reject(
          new Error(
            `the session did not become ${state} within ${timeoutMs} ms (seen: ${seen.join(', ') || 'nothing'})`,
          ),
        )
      }, timeoutMs)
      this.waiters.add(wake)
      check()
    })
  }
}
