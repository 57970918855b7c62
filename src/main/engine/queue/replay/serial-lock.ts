/**
 * Runs async work one piece at a time, in call order: the replay's steps and the user's decisions
 * (retry, skip, edit, requeue) never interleave, so no two of them change the log at once.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work)
    this.tail = next.catch(() => undefined)
    return next
  }
}
