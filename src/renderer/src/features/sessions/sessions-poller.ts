/**
 * Polls while the sessions view is open: one load at once, then one every `intervalMs` (measured
 * from the start of the previous load), never two at a time. A slow load delays the next one
 * (at least `minGapMs` after it ended) instead of piling requests up. `refresh()` loads now, or
 * right after the load in flight. After `stop()` nothing more is started and no timer is left.
 * The timer source is injected, so tests drive time by hand.
 *
 * States: stopped -> loading -> waiting -> loading ... ; any -> stopped. A load still out when the
 * poller is stopped and started again is waited for, never overlapped.
 */
import type { TimerSource } from '../../lib/second-ticker'

export type PollerState = 'stopped' | 'loading' | 'waiting'

export interface SessionsPollerOptions {
  timers: TimerSource
  /** Called for each poll; its rejection is the caller's business (the poller goes on). */
  load: () => Promise<unknown>
  intervalMs?: number
  minGapMs?: number
}

export const SESSIONS_POLL_MS = 2_000
export const SESSIONS_MIN_GAP_MS = 500

export class SessionsPoller {
  readonly #timers: TimerSource
  readonly #load: () => Promise<unknown>
  readonly #intervalMs: number
  readonly #minGapMs: number
  #state: PollerState = 'stopped'
  #handle: unknown
  /** A refresh was asked for while a load was in flight. */
  #again = false
  /** A load's promise is still out (also after a stop): never two at a time. */
  #inFlight = false
  #loads = 0

  constructor(options: SessionsPollerOptions) {
    this.#timers = options.timers
    this.#load = options.load
    this.#intervalMs = options.intervalMs ?? SESSIONS_POLL_MS
    this.#minGapMs = options.minGapMs ?? SESSIONS_MIN_GAP_MS
  }

  get state(): PollerState {
    return this.#state
  }

  /** A load is out (its answer has not come back yet). */
  get inFlight(): boolean {
    return this.#inFlight
  }

  /** How many loads have been started. */
  get loads(): number {
    return this.#loads
  }

  start(): void {
    if (this.#state !== 'stopped') return
    if (this.#inFlight) {
      // A load from before the last stop is still out: the next one starts when it ends.
      this.#state = 'loading'
      this.#again = true
      return
    }
    this.#run()
  }

  stop(): void {
    this.#state = 'stopped'
    this.#again = false
    this.#disarm()
  }

  /** Load now (the schedule restarts from this load), or once more after the one in flight. */
  refresh(): void {
    if (this.#state === 'stopped') return
    if (this.#state === 'loading') {
      this.#again = true
      return
    }
    this.#disarm()
    this.#run()
  }

  #run(): void {
    this.#state = 'loading'
    this.#again = false
    this.#inFlight = true
    this.#loads++
    const startedAt = this.#timers.now()
    const done = () => {
      this.#inFlight = false
      if (this.#state !== 'loading') return
      if (this.#again) return this.#run()
      const ended = this.#timers.now()
      const delay = Math.max(this.#minGapMs, startedAt + this.#intervalMs - ended)
      this.#state = 'waiting'
      this.#handle = this.#timers.setTimeout(() => {
        this.#handle = undefined
        if (this.#state === 'waiting') this.#run()
      }, delay)
    }
    let pending: Promise<unknown>
    try {
      pending = this.#load()
    } catch (error) {
      pending = Promise.reject(error)
    }
    pending.then(done, done)
  }

  #disarm(): void {
    if (this.#handle !== undefined) this.#timers.clearTimeout(this.#handle)
    this.#handle = undefined
  }
}
