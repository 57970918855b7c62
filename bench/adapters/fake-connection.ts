/**
 * A connection with no I/O at all: connects, queries and closes at once. It also looks enough like
 * pg.Client for pg.Pool to use it through its `Client` option (callback connect/end, the private
 * `_queryable` / `_ending` flags pg-pool reads on release, 'error' / 'end' events).
 */
import { EventEmitter } from 'node:events'
import type { BenchConnection, ConnectionSource } from './types'

type Callback = (error?: Error | null, result?: unknown) => void

const RESULT = Object.freeze({ rows: [{ '?column?': 1 }], rowCount: 1 })
let nextPid = 1

export class FakeClient extends EventEmitter implements BenchConnection {
  _queryable = true
  _ending = false
  readonly processID = nextPid++

  constructor(_config?: object) {
    super()
  }

  connect(): Promise<void>
  connect(callback: Callback): void
  connect(callback?: Callback): Promise<void> | void {
    if (callback) process.nextTick(callback, null)
    else return Promise.resolve()
  }

  query(text: string): Promise<unknown>
  query(text: string, values: unknown, callback: Callback): void
  query(_text: string, values?: unknown, callback?: Callback): Promise<unknown> | void {
    const cb = typeof values === 'function' ? (values as Callback) : callback
    if (cb) process.nextTick(cb, null, RESULT)
    else return Promise.resolve(RESULT)
  }

  /** Lifeguard's pool asks this on release; 'I' = idle, no transaction to roll back. */
  getTransactionStatus(): 'I' {
    return 'I'
  }

  end(): Promise<void>
  end(callback: Callback): void
  end(callback?: Callback): Promise<void> | void {
    this._ending = true
    this._queryable = false
    process.nextTick(() => this.emit('end'))
    if (callback) process.nextTick(callback, null)
    else return Promise.resolve()
  }
}

export const fakeSource: ConnectionSource = {
  async connect() {
    const client = new FakeClient()
    await client.connect()
    return client
  },
  close: (connection) => connection.end(),
  Client: FakeClient,
  clientConfig: {},
}
