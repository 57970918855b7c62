/**
 * Stub connections and factories for the pool engine's unit tests: no I/O, every behaviour
 * controllable (backend pid, transaction status, failing or hanging queries, socket errors,
 * creations that fail or finish when the test says so).
 */
import type {
  PoolConnection,
  TransactionStatus,
} from '../../src/main/engine/pool/engine/pool-connection'
import { CompatPool } from '../../src/main/engine/pool/engine/pg-pool-compat'
import type { CompatPoolConfig } from '../../src/main/engine/pool/engine/pg-pool-compat-client'
import { ConnectionPool } from '../../src/main/engine/pool/engine/pool'
import type { PoolDeps } from '../../src/main/engine/pool/engine/pool-core'
import type { PoolOptionsInput } from '../../src/main/engine/pool/engine/pool-options'
import { FakeClock } from './fake-clock'

export class StubConnection implements PoolConnection {
  ended = false
  destroyed = false
  readonly queries: string[] = []
  /** The values passed with each query (undefined when none). */
  readonly params: Array<unknown[] | undefined> = []
  /** What `transactionStatus()` reports; undefined hides the method's answer as 'unknown'. */
  tx: TransactionStatus = 'idle'
  /** The next queries matching this fail. */
  failQueries: RegExp | undefined
  /** What a failing query throws (default: a plain Error, as a broken connection would). */
  failError: ((text: string) => Error) | undefined
  /** The next queries matching this never answer. */
  hangQueries: RegExp | undefined
  private readonly errorListeners: Array<(e: Error) => void> = []

  constructor(readonly backendPid: number) {}

  async query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    if (this.ended || this.destroyed) throw new Error('Client was closed and is not queryable')
    this.queries.push(text)
    this.params.push(values)
    if (this.hangQueries?.test(text)) return new Promise<never>(() => undefined)
    if (this.failQueries?.test(text))
      throw this.failError ? this.failError(text) : new Error(`query failed: ${text}`)
    if (/^ROLLBACK/i.test(text)) this.tx = 'idle'
    if (/^BEGIN/i.test(text)) this.tx = 'in-transaction'
    return { rows: [] }
  }

  transactionStatus(): TransactionStatus {
    return this.tx
  }

  async end(): Promise<void> {
    this.ended = true
  }

  destroy(): void {
    this.destroyed = true
  }

  on(_event: 'error', listener: (error: Error) => void): this {
    this.errorListeners.push(listener)
    return this
  }

  /** The socket died or the backend was terminated. */
  emitError(message = 'Connection terminated unexpectedly'): void {
    for (const l of this.errorListeners) l(new Error(message))
  }

  get closed(): boolean {
    return this.ended || this.destroyed
  }
}

interface Deferred {
  resolve(): void
  reject(error: Error): void
}

/** A connection factory the test steers: immediate by default, or failing, or held until released. */
export function stubFactory() {
  const made: StubConnection[] = []
  const held: Deferred[] = []
  let failing: Error | undefined
  let holding = false
  let calls = 0
  let inFlight = 0
  let maxInFlight = 0
  let nextPid = 1000
  const connect = (): Promise<StubConnection> => {
    calls++
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    const make = () => {
      inFlight--
      const c = new StubConnection(nextPid++)
      made.push(c)
      return c
    }
    if (failing) {
      const error = failing
      inFlight--
      return Promise.reject(error)
    }
    if (!holding) return Promise.resolve(make())
    return new Promise<StubConnection>((resolve, reject) => {
      held.push({
        resolve: () => resolve(make()),
        reject: (e) => {
          inFlight--
          reject(e)
        },
      })
    })
  }
  return {
    connect,
    made,
    get calls() {
      return calls
    },
    get maxInFlight() {
      return maxInFlight
    },
    get heldCount() {
      return held.length
    },
    /** Every creation fails with `error` until `succeed()`. */
    failWith(error: Error) {
      failing = error
    },
    succeed() {
      failing = undefined
    },
    /** Creations wait until `finishOne()` / `finishAll()`. */
    hold() {
      holding = true
    },
    finishOne() {
      held.shift()?.resolve()
    },
    finishAll() {
      holding = false
      for (const d of held.splice(0)) d.resolve()
    },
  }
}

/** A pool on a fake clock with stub connections; small defaults that tests override. */
export function makePool(options: PoolOptionsInput = {}, deps: Partial<PoolDeps> = {}) {
  const clock = new FakeClock()
  const factory = stubFactory()
  const pool = new ConnectionPool(
    { connect: factory.connect, clock, random: () => 0, ...deps },
    { min: 0, max: 2, ...options },
  )
  return { clock, factory, pool }
}

/** A pg.Pool look-alike (CompatPool) on a fake clock with stub connections. */
export function makeCompatPool(config: CompatPoolConfig = {}) {
  const clock = new FakeClock()
  const factory = stubFactory()
  const pool = new CompatPool(config, { connect: factory.connect, clock, random: () => 0 })
  return { clock, factory, pool }
}

/** A promise's state without waiting for it. */
export function track<T>(promise: Promise<T>) {
  const state: { status: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } = {
    status: 'pending',
  }
  promise.then(
    (value) => {
      state.status = 'resolved'
      state.value = value
    },
    (error: unknown) => {
      state.status = 'rejected'
      state.error = error
    },
  )
  return state
}
