/**
 * A component's background jobs, one timer per name on the injected clock: arming a name again
 * replaces its timer, and clearAll() leaves nothing behind (so a stopped component holds no timer).
 */
import type { Clock, TimerHandle } from './clock'

export class NamedTimers<Name extends string> {
  private readonly handles = new Map<Name, TimerHandle>()

  constructor(private readonly clock: Clock) {}

  arm(name: Name, ms: number, job: () => void): void {
    this.clear(name)
    const handle = this.clock.setTimeout(() => {
      this.handles.delete(name)
      job()
    }, ms)
    this.handles.set(name, handle)
  }

  clear(name: Name): void {
    const handle = this.handles.get(name)
    if (handle === undefined) return
    this.clock.clearTimeout(handle)
    this.handles.delete(name)
  }

  clearAll(): void {
    for (const handle of this.handles.values()) this.clock.clearTimeout(handle)
    this.handles.clear()
  }

  isArmed(name: Name): boolean {
    return this.handles.has(name)
  }
}
