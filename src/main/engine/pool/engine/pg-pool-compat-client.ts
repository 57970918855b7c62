/**
 * The client object `CompatPool.connect()` hands out, and the mapping of a pg.Pool config onto the
 * engine's options. One `CompatClient` exists per connection for its whole life, so the same
 * object is passed to every event ('connect', 'acquire', 'release', 'remove', 'error') and code
 * that keys maps by client, or runs `client.query('SET ...')` in a 'connect' listener, works as
 * with pg-pool.
 */
import type pg from 'pg'
import { LifeguardError } from '../../core/errors'
import { backendPidOf, type PoolConnection } from './pool-connection'
import type { PoolLease } from './pool-lease'
import { FOREVER_MS, type PoolOptionsInput } from './pool-options'

export type CompatQueryResult<R extends pg.QueryResultRow> = pg.QueryResult<R>
export type CompatQueryCallback<R extends pg.QueryResultRow> = (
  err: Error | null | undefined,
  result?: CompatQueryResult<R>,
) => void
/** What `query` accepts as its first argument: text or a pg QueryConfig (`{ text, values, name }`). */
export type CompatQueryText = string | pg.QueryConfig

/** pg.Pool's config (`max`, `min`, timeouts, and the connection parameters passed to pg.Client). */
export interface CompatPoolConfig extends pg.PoolConfig {
  /** Lifeguard's own pool options, applied over those mapped from the pg-pool ones. */
  lifeguard?: PoolOptionsInput
}

interface Releaser {
  releaseClient(client: CompatClient<PoolConnection>, err: Error | boolean | undefined): void
}

export class CompatClient<C extends PoolConnection = PoolConnection> {
  /** @internal the current lease; undefined while the client is in the pool. */
  lease: PoolLease | undefined = undefined
  /** @internal the engine's id of the connection, set when the engine adopts it. */
  id = 0
  /** @internal set once the engine removed the connection. */
  removed = false

  constructor(
    private readonly owner: Releaser,
    /** The driver's client (a `pg.Client` by default): for anything beyond `query`. */
    readonly connection: C,
  ) {}

  /** The server backend pid, as on pg.Client. */
  get processID(): number | null {
    return backendPidOf(this.connection) ?? null
  }

  /**
   * Passes through to the connection's `query`. With a callback as the last argument (pg's
   * callback form) the result or error goes to it, as pg.Client calls it: `(null, result)`.
   */
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
    if (typeof values === 'function') {
      callback = values
      values = undefined
    }
    const result = queryOn<R>(this.connection, text, values)
    if (callback === undefined) return result
    const cb = callback
    result.then(
      (r) => cb(null, r),
      (error: unknown) => cb(asError(error)),
    )
  }

  /**
   * Gives the connection back. `release(true)` or `release(error)` destroys it instead (pg-pool's
   * rule). A second release is an error, with pg-pool's message.
   */
  readonly release = (err?: Error | boolean): void =>
    this.owner.releaseClient(this as CompatClient<PoolConnection>, err)
}

/** `connection.query(text, values)`, accepting a QueryConfig too (pg.Client does). */
export function queryOn<R extends pg.QueryResultRow>(
  connection: PoolConnection,
  text: CompatQueryText,
  values: unknown[] | undefined,
): Promise<CompatQueryResult<R>> {
  return connection.query(text as string, values) as Promise<CompatQueryResult<R>>
}

export function doubleReleaseError(): LifeguardError {
  return new LifeguardError(
    'invalid-state',
    'Release called on client which has already been released to the pool.',
  )
}

export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value))
}

/**
 * Whether a failed query means the connection itself is unusable (so it is destroyed, not reused):
 * anything that is not an ordinary server error. A server error carries a SQLSTATE `code` and a
 * `severity`; of those only class 08 (connection exception) and 57P01-57P05 (the server is shutting
 * down or ended the session) are connection problems. A syntax error or a constraint violation
 * leaves the connection fine, so unlike pg-pool (which destroys the client on any query error) the
 * connection is kept; an open failed transaction is rolled back by the pool on release.
 */
export function isConnectionProblem(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown } | null
  if (typeof e !== 'object' || e === null) return true
  if (typeof e.code !== 'string' || typeof e.severity !== 'string' || e.code.length !== 5)
    return true
  return e.code.startsWith('08') || /^57P0[1-5]$/.test(e.code)
}

/**
 * pg-pool's settings mapped onto the engine's (see reference.md, Pool table):
 * - `max` (default 10), `min` (default 0; Lifeguard keeps min connections open, pg-pool only
 *   stops closing idle ones below it); start-up opens nothing.
 * - `idleTimeoutMillis` (default 10000, 0 = never) -> idleTimeoutMs, raised to the engine's least
 *   1000 ms; checked by the HouseKeeper every idleTimeoutMillis / 2 (at most 30 s), so an idle
 *   connection closes between 1 and 1.5 times idleTimeoutMillis after its last use.
 * - `connectionTimeoutMillis` (default 0 = wait forever) -> acquireTimeoutMs (forever = 2^31-1 ms).
 *   It is also passed to pg.Client, where it bounds opening a connection, as in pg-pool.
 * - `maxLifetimeSeconds` (default 0 = never) -> maxLifetimeMs (at least 1000 ms); an idle timeout
 *   not shorter than the lifetime is dropped, and keepalive is off when the lifetime is 2 minutes
 *   or less (connections are recycled often enough).
 * - pg-pool has no cap on waiting callers: maxWaiting is unbounded.
 * - Ignored: `maxUses`, `allowExitOnIdle` (the engine's timers never hold the process open),
 *   `log`, `Promise`, `onConnect`, `verify`.
 * Anything in `lifeguard` wins over the mapped values.
 */
export function compatPoolOptions(config: CompatPoolConfig): PoolOptionsInput {
  const idle = config.idleTimeoutMillis ?? 10_000
  const lifeS = config.maxLifetimeSeconds ?? 0
  const maxLifetimeMs = lifeS > 0 ? Math.max(1_000, Math.ceil(lifeS * 1_000)) : 0
  let idleTimeoutMs = idle > 0 ? Math.max(1_000, Math.ceil(idle)) : 0
  if (maxLifetimeMs > 0 && idleTimeoutMs >= maxLifetimeMs) idleTimeoutMs = 0
  const wait = config.connectionTimeoutMillis ?? 0
  const options: PoolOptionsInput = {
    max: config.max || 10,
    min: config.min ?? 0,
    initial: 0,
    idleTimeoutMs,
    maxLifetimeMs,
    acquireTimeoutMs: wait > 0 ? Math.min(FOREVER_MS, Math.ceil(wait)) : FOREVER_MS,
    maxWaiting: Number.MAX_SAFE_INTEGER,
  }
  if (idleTimeoutMs > 0)
    options.housekeepingMs = Math.min(30_000, Math.max(100, Math.floor(idleTimeoutMs / 2)))
  if (maxLifetimeMs > 0 && maxLifetimeMs <= 120_000) options.keepaliveMs = 0
  return { ...options, ...config.lifeguard }
}
