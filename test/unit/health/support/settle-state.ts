/** Watches a promise so a test can ask, between clock steps, whether and how it settled. */
export interface Watched<T> {
  readonly state: 'pending' | 'resolved' | 'rejected'
  readonly value: T | undefined
  readonly error: unknown
}

export function watch<T>(promise: Promise<T>): Watched<T> {
  const w = {
    state: 'pending' as Watched<T>['state'],
    value: undefined as T | undefined,
    error: undefined as unknown,
  }
  promise.then(
    (value) => {
      w.state = 'resolved'
      w.value = value
    },
    (error: unknown) => {
      w.state = 'rejected'
      w.error = error
    },
  )
  return w
}

/** A promise the test settles by hand. */
export interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(error: unknown): void
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
