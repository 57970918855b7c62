/**
 * A time bound on the monotonic clock that survives process pauses: if the timer fires much later
 * than it was due (the process was stopped with SIGSTOP, or the machine slept), the answer may be
 * sitting unread in a socket, so the work gets one short grace period to finish before it is
 * declared late. A wall-clock jump changes nothing here: only `clock.now()` is read.
 */
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'

/** A timer firing this much later than due means the process was not running. */
export const PAUSE_DETECTION_MS = 500
/** How long work seen after a pause gets to complete. */
export const PAUSE_GRACE_MS = 50

export function deadline<T>(clock: Clock, work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false
    let timer: ReturnType<Clock['setTimeout']> | undefined
    const armedAt = clock.now()
    const late = () => {
      if (settled) return
      settled = true
      reject(new LifeguardError('timeout', `${what} did not answer within ${ms} ms`))
    }
    const due = () => {
      timer = undefined
      if (settled) return
      const overdue = clock.now() - armedAt - ms
      if (overdue > PAUSE_DETECTION_MS) timer = clock.setTimeout(late, PAUSE_GRACE_MS)
      else late()
    }
    timer = clock.setTimeout(due, ms)
    work.then(
      (value) => {
        if (settled) return
        settled = true
        clock.clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        if (settled) return
        settled = true
        clock.clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
