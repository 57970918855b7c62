/** A timer source whose time moves only when the test says so; due timers fire in order. */
import type { TimerSource } from '../../../src/renderer/src/lib/second-ticker'

export function manualTimers(start: number) {
  let now = start
  let nextId = 1
  const timers = new Map<number, { at: number; callback: () => void }>()
  const source: TimerSource = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++
      timers.set(id, { at: now + ms, callback })
      return id
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  }
  return {
    source,
    now: () => now,
    pending: () => timers.size,
    /** When the next timer is due, or undefined. */
    nextAt: () => Math.min(...[...timers.values()].map((t) => t.at)),
    advance(ms: number) {
      const target = now + ms
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = due[1].at
        due[1].callback()
      }
      now = target
    },
  }
}
