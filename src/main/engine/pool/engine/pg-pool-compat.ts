/**
 * A node-postgres `pg.Pool` look-alike on Lifeguard's pool, so code written for pg.Pool runs
 * unchanged: `connect()` (promise or callback) hands out a client with `query` and `release`,
 * `query()` runs one statement on a pooled connection, `end()` closes the pool, the counts
 * `totalCount`, `idleCount`, `waitingCount`, `expiredCount`, and pg-pool's events:
 *
 *   'connect' (client)        a new connection joined the pool (before its first 'acquire')
 *   'acquire' (client)        a client was checked out (by connect() or query())
 *   'release' (err, client)   a client came back; err is what it was released with (destroyed)
 *   'remove'  (client)        a connection left the pool (idle timeout, lifetime, error, end)
 *   'error'   (err, client)   an idle connection failed; it is removed ('remove' follows)
 *
 * 'error' and crashes: pg-pool emits 'error' on a Node EventEmitter, and an 'error' event with no
 * listener throws, so with pg-pool an idle client losing its connection (a server restart, a
 * pg_terminate_backend) kills the process unless the application listens. Here the event is
 * emitted only when someone listens; otherwise it is dropped (the engine has removed the
 * connection and counts it under removals.broken). The safe choice for a monitor.
 *
 * Differences from pg-pool: query() destroys the connection only when the error is a connection
 * problem (isConnectionProblem), not on every failed statement; end() rejects callers still waiting
 * (pg-pool leaves them pending forever); connect() and query() time out with the engine's
 * 'pool-exhausted' / 'database-unreachable' errors rather than 'timeout exceeded when trying to
 * connect'; `min` connections are kept open (pg-pool does not pre-fill). Everything else about the
 * engine (validation on acquire, keepalive, reset of open transactions on release, leak events on
 * `pool`) applies.
 *
 * Hot path of query(): one acquire (idle stack pop), one query, one release, plus the async
 * function's own promise; events are looked up only when someone listens to them.
 */
import { EventEmitter } from 'node:events'
import pg from 'pg'
import type { Clock } from '../../core/clock'
import { LifeguardError } from '../../core/errors'
import { ConnectionPool } from './pool'
import type { PoolConnection } from './pool-connection'
import type { PoolLease } from './pool-lease'
import {
  asError,
  CompatClient,
  compatPoolOptions,
  doubleReleaseError,
  isConnectionProblem,
  queryOn,
  type CompatPoolConfig,
  type CompatQueryCallback,
  type CompatQueryResult,
  type CompatQueryText,
} from './pg-pool-compat-client'

export interface CompatPoolEvents<C extends PoolConnection> {
  connect: [client: CompatClient<C>]
  acquire: [client: CompatClient<C>]
  release: [err: Error | boolean | undefined, client: CompatClient<C>]
  remove: [client: CompatClient<C>]
  error: [err: Error, client: CompatClient<C>]
}

export interface CompatPoolDeps<C extends PoolConnection> {
  /** Opens one connection. Default: `new pg.Client(config)` + `connect()`. */
  connect?: () => Promise<C>
  clock?: Clock
  random?: () => number
}

type ConnectCallback<C extends PoolConnection> = (
  err: Error | undefined,
  client: CompatClient<C> | undefined,
  done: (err?: Error | boolean) => void,
) => void

const noop = () => undefined

function usedAfterEnd(): LifeguardError {
  return new LifeguardError('pool-closed', 'Cannot use a pool after calling end on the pool')
}

/** The default connection factory: a pg.Client with the config's connection parameters. */
async function openPgClient(config: pg.ClientConfig): Promise<pg.Client> {
  const client = new pg.Client(config)
  // An error before the pool listens must never crash the process.
  client.on('error', noop)
  try {
    await client.connect()
  } catch (error) {
    void client.end().catch(noop)
    throw error
  }
  return client
}

export class CompatPool<C extends PoolConnection = pg.Client> extends EventEmitter<
  CompatPoolEvents<C>
> {
  /** The Lifeguard pool underneath (stats, metrics, drain, its own events). */
  readonly pool: ConnectionPool
  /** pg-pool's flags: end() was called / has finished. */
  ending = false
  ended = false
  /** Clients opened by the factory, not yet adopted by the engine. */
  private readonly fresh = new Map<PoolConnection, CompatClient<C>>()
  /** Clients by the engine's connection id. */
  private readonly clients = new Map<number, CompatClient<C>>()
  private readonly started: Promise<void>

  constructor(config: CompatPoolConfig = {}, deps: CompatPoolDeps<C> = {}) {
    super()
    const { lifeguard: _lifeguard, ...params } = config
    const open = deps.connect ?? (() => openPgClient(params) as unknown as Promise<C>)
    const connect = () => open().then((c) => this.opened(c))
    this.pool = new ConnectionPool(
      { connect, clock: deps.clock, random: deps.random },
      compatPoolOptions(config),
    )
    this.pool.on('created', ({ connectionId }) => this.adopted(connectionId))
    this.pool.on('removed', ({ connectionId }) => this.dropped(connectionId))
    // initial is 0: start-up opens nothing and cannot fail.
    this.started = this.pool.start().catch(noop)
  }

  get totalCount(): number {
    const s = this.pool.stats()
    return s.total + s.pendingCreates
  }

  get idleCount(): number {
    return this.pool.idle.length
  }

  get waitingCount(): number {
    return this.pool.stats().waiting
  }

  /** Connections past their max lifetime, still checked out (retired on release). */
  get expiredCount(): number {
    let n = 0
    for (const e of this.pool.entries) if (e.expired) n++
    return n
  }

  /** Checks out a client; give it back with `client.release()`. */
  connect(): Promise<CompatClient<C>>
  connect(callback: ConnectCallback<C>): void
  connect(callback?: ConnectCallback<C>): Promise<CompatClient<C>> | void {
    const result = this.checkout()
    if (callback === undefined) return result
    result.then(
      (client) => callback(undefined, client, client.release),
      (error: unknown) => callback(asError(error), undefined, noop),
    )
  }

  /** Acquires a connection, runs one statement, releases it. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: CompatQueryText,
    values?: unknown[],
  ): Promise<CompatQueryResult<R>>
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: CompatQueryText,
    callback: CompatQueryCallback<R>,
  ): void
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: CompatQueryText,
    values: unknown[] | undefined,
    callback: CompatQueryCallback<R>,
  ): void
  query<R extends pg.QueryResultRow>(
    text: CompatQueryText,
    values?: unknown[] | CompatQueryCallback<R>,
    callback?: CompatQueryCallback<R>,
  ): Promise<CompatQueryResult<R>> | void {
    if (typeof text === 'function') {
      const error = new Error(
        'Passing a function as the first parameter to pool.query is not supported',
      )
      setImmediate(() => (text as CompatQueryCallback<R>)(error))
      return
    }
    if (typeof values === 'function') {
      callback = values
      values = undefined
    }
    const result = this.run<R>(text, values)
    if (callback === undefined) return result
    const cb = callback
    result.then(
      (r) => cb(undefined, r),
      (error: unknown) => cb(asError(error)),
    )
  }

  /**
   * Closes the pool: waiting callers are rejected, idle connections close now, checked-out ones
   * when released; resolves when all are closed. A second call is an error (as in pg-pool).
   */
  end(): Promise<void>
  end(callback: (err?: Error) => void): void
  end(callback?: (err?: Error) => void): Promise<void> | void {
    let result: Promise<void>
    if (this.ending)
      result = Promise.reject(
        new LifeguardError('invalid-state', 'Called end on pool more than once'),
      )
    else {
      this.ending = true
      result = this.started
        .then(() => this.pool.drain())
        .then(() => this.pool.shutdown())
        .then(() => {
          this.ended = true
        })
    }
    if (callback === undefined) return result
    result.then(
      () => callback(),
      (error: unknown) => callback(asError(error)),
    )
  }

  /** @internal called by CompatClient.release */
  releaseClient(client: CompatClient<PoolConnection>, err: Error | boolean | undefined): void {
    const lease = client.lease
    if (lease === undefined) throw doubleReleaseError()
    client.lease = undefined
    this.giveBack(lease, client as CompatClient<C>, err)
  }

  // ---- internals ------------------------------------------------------------------------------

  private async checkout(): Promise<CompatClient<C>> {
    if (this.ending) throw usedAfterEnd()
    const lease = await this.pool.acquire()
    const client = this.clients.get(lease.id)!
    client.lease = lease
    if (this.listenerCount('acquire') > 0) this.emit('acquire', client)
    return client
  }

  private async run<R extends pg.QueryResultRow>(
    text: CompatQueryText,
    values: unknown[] | undefined,
  ): Promise<CompatQueryResult<R>> {
    if (this.ending) throw usedAfterEnd()
    const lease = await this.pool.acquire()
    if (this.listenerCount('acquire') > 0) {
      const client = this.clients.get(lease.id)
      if (client !== undefined) this.emit('acquire', client)
    }
    let result: CompatQueryResult<R>
    try {
      result = await queryOn<R>(lease.connection, text, values)
    } catch (error) {
      this.giveBack(lease, undefined, isConnectionProblem(error) ? asError(error) : undefined)
      throw error
    }
    this.giveBack(lease, undefined, undefined)
    return result
  }

  private giveBack(
    lease: PoolLease,
    client: CompatClient<C> | undefined,
    err: Error | boolean | undefined,
  ): void {
    if (this.listenerCount('release') > 0) {
      const c = client ?? this.clients.get(lease.id)
      if (c !== undefined) this.emit('release', err, c)
    }
    if (!err) lease.release()
    else
      lease.release(
        err instanceof Error ? err : new Error('the client was released with release(true)'),
      )
  }

  /** The factory opened `connection`: wrap it and listen for its errors before the engine does. */
  private opened(connection: C): C {
    const client = new CompatClient<C>(this, connection)
    this.fresh.set(connection, client)
    connection.on('error', (error) => this.clientError(client, error))
    return connection
  }

  private adopted(id: number): void {
    let connection: PoolConnection | undefined
    for (const e of this.pool.entries) if (e.id === id) connection = e.connection
    const client = connection === undefined ? undefined : this.fresh.get(connection)
    if (client === undefined) return
    this.fresh.delete(client.connection)
    client.id = id
    this.clients.set(id, client)
    this.emit('connect', client)
  }

  private dropped(id: number): void {
    const client = this.clients.get(id)
    if (client === undefined) return
    this.clients.delete(id)
    client.removed = true
    this.emit('remove', client)
  }

  /** Runs before the engine's own listener, which then removes the connection. */
  private clientError(client: CompatClient<C>, error: Error): void {
    if (client.removed || this.listenerCount('error') === 0) return
    // Checked out (by connect() or query()): the holder sees the error; pg-pool does not emit.
    for (const e of this.pool.entries)
      if (e.id === client.id && e.state !== 'in-use') this.emit('error', error, client)
  }
}
