/**
 * Runs heavy one-off jobs one per task, in the order they were asked for. Opening a profile's
 * Overview creates four Chart.js charts; each reads computed styles and sizes its canvas (forced
 * style and layout), about 30 ms apiece on a slow machine, so creating them in one effect made one
 * task of 120 ms or more (a long task, a frozen frame). Queued, each is its own task and the
 * browser can paint in between. Tasks come from an injected source (tests run them by hand).
 */
export interface TaskSource {
  post(run: () => void): unknown
  cancel(handle: unknown): void
}

export const browserTasks: TaskSource = {
  post: (run) => setTimeout(run, 0),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export class TaskQueue {
  readonly #jobs = new Map<object, () => void>()
  #handle: unknown

  constructor(private readonly tasks: TaskSource) {}

  /** Runs `job` in a later task of its own (after the jobs queued before it). */
  enqueue(key: object, job: () => void): void {
    this.#jobs.set(key, job)
    this.#arm()
  }

  /** Forgets a job that has not run yet (its component is gone). */
  cancel(key: object): void {
    this.#jobs.delete(key)
    if (this.#jobs.size === 0 && this.#handle !== undefined) {
      this.tasks.cancel(this.#handle)
      this.#handle = undefined
    }
  }

  get pending(): number {
    return this.#jobs.size
  }

  #arm(): void {
    if (this.#handle !== undefined || this.#jobs.size === 0) return
    this.#handle = this.tasks.post(() => this.#runOne())
  }

  #runOne(): void {
    this.#handle = undefined
    const next = this.#jobs.entries().next()
    if (next.done) return
    const [key, job] = next.value
    this.#jobs.delete(key)
    try {
      job()
    } catch (error) {
      console.error('Lifeguard: a queued job failed', error)
    }
    this.#arm()
  }
}

let shared: TaskQueue | undefined

/** The page's one queue of heavy jobs. */
export function taskQueue(): TaskQueue {
  shared ??= new TaskQueue(browserTasks)
  return shared
}
