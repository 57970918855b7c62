/** A fake Clock for unit tests: time moves only when the test says so. */
import type { Clock, TimerHandle } from '../../src/main/engine/core/clock'

interface Timer {
  id: number
  at: number
  callback: () => void
}

export class FakeClock implements Clock {
  private monotonic = 0
  private wall: number
  private timers: Timer[] = []
  private nextId = 1

  constructor(wallStart = Date.UTC(2026, 0, 1)) {
    this.wall = wallStart
  }

  now = (): number => this.monotonic
  wallNow = (): number => this.wall

  setTimeout = (callback: () => void, ms: number): TimerHandle => {
    const timer = { id: this.nextId++, at: this.monotonic + Math.max(0, ms), callback }
    this.timers.push(timer)
    return timer.id as unknown as TimerHandle
  }

  clearTimeout = (handle: TimerHandle | undefined): void => {
    this.timers = this.timers.filter((t) => t.id !== (handle as unknown as number))
  }

  get pendingTimers(): number {
    return this.timers.length
  }

  /** Moves time forward, firing due timers in order (and letting promises settle between them). */
  async advance(ms: number): Promise<void> {
    const target = this.monotonic + ms
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) break
      this.timers = this.timers.filter((t) => t !== due)
      this.wall += due.at - this.monotonic
      this.monotonic = due.at
      due.callback()
      await flushPromises()
    }
    this.wall += target - this.monotonic
    this.monotonic = target
    await flushPromises()
  }

  /** A wall-clock jump that must not move any deadline. */
  jumpWall(ms: number): void {
    this.wall += ms
  }
}

export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}
