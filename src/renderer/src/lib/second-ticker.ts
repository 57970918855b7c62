/**
 * One shared 1 Hz wall-clock tick for countdowns. It runs only while something listens (no timer
 * is left behind when the last countdown unmounts) and ticks just after whole seconds. The timer
 * source is injected, so tests drive it by hand instead of waiting.
 */
export interface TimerSource {
  /** Wall-clock milliseconds. */
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const browserTimers: TimerSource = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
}

/** A tick lands this long after the whole second, so a late timer still reads the new second. */
const AFTER_SECOND_MS = 5

export function delayToNextSecond(now: number): number {
  return 1000 - (((now % 1000) + 1000) % 1000) + AFTER_SECOND_MS
}

export class SecondTicker {
  readonly #timers: TimerSource
  readonly #listeners = new Set<() => void>()
  #handle: unknown
  #running = false
  #current: number

  constructor(timers: TimerSource) {
    this.#timers = timers
    this.#current = timers.now()
  }

  get listenerCount(): number {
    return this.#listeners.size
  }

  get running(): boolean {
    return this.#running
  }

  /**
   * The time of the last tick. While nothing listens it is refreshed when a second has passed, so
   * two calls in a row return the same value (what useSyncExternalStore asks of a snapshot).
   */
  now = (): number => {
    if (!this.#running) {
      const t = this.#timers.now()
      if (Math.abs(t - this.#current) >= 1000) this.#current = t
    }
    return this.#current
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    if (!this.#running) {
      this.#running = true
      this.#current = this.#timers.now()
      this.#arm()
    }
    return () => {
      this.#listeners.delete(listener)
      if (this.#listeners.size === 0 && this.#running) {
        this.#running = false
        this.#timers.clearTimeout(this.#handle)
        this.#handle = undefined
      }
    }
  }

  #arm(): void {
    const tick = () => {
      if (!this.#running) return
      this.#current = this.#timers.now()
      this.#arm()
      for (const listener of [...this.#listeners]) listener()
    }
    this.#handle = this.#timers.setTimeout(tick, delayToNextSecond(this.#timers.now()))
  }
}
