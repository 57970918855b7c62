/**
 * Injected time. `now()` is monotonic (never jumps with the wall clock) and drives every timeout;
 * `wallNow()` is only for timestamps shown to people. Tests pass a fake clock (test/helpers).
 */
export interface TimerHandle {
  readonly __timer: unique symbol
}

export interface Clock {
  /** Monotonic milliseconds. */
  now(): number
  /** Wall-clock milliseconds since the epoch, for display only. */
  wallNow(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle | undefined): void
}

export const systemClock: Clock = {
  now: () => performance.now(),
  wallNow: () => Date.now(),
  setTimeout(callback, ms) {
    const t = setTimeout(callback, ms)
    t.unref?.()
    return t as unknown as TimerHandle
  },
  clearTimeout(handle) {
    if (handle !== undefined) clearTimeout(handle as unknown as ReturnType<typeof setTimeout>)
  },
}

/** A named repeating job on an injected clock (re-armed after each run, so runs never overlap). */
export class RepeatingTask {
  private handle: TimerHandle | undefined
  private running = false

  constructor(
    readonly name: string,
    private readonly clock: Clock,
    private readonly periodMs: number,
    private readonly run: () => void | Promise<void>,
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.arm()
  }

  stop(): void {
    this.running = false
    this.clock.clearTimeout(this.handle)
    this.handle = undefined
  }

  private arm(): void {
    this.handle = this.clock.setTimeout(() => {
      void Promise.resolve()
        .then(this.run)
        .catch(() => undefined)
        .finally(() => {
          if (this.running) this.arm()
        })
    }, this.periodMs)
  }
}
