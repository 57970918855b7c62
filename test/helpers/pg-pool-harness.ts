/**
 * The pool engine against a real PostgreSQL: a ConnectionPool wired like a profile's (pg
 * connections with a per-test application_name, backendAdmin for cancel/terminate, the system
 * clock), an admin session that sees the server's side, and guards for unhandled errors.
 */
import path from 'node:path'
import pg from 'pg'
import { systemClock } from '../../src/main/engine/core/clock'
import { backendAdmin } from '../../src/main/engine/pool/backend-admin'
import {
  ConnectionPool,
  type PoolEvents,
  type PoolLease,
  type PoolOptionsInput,
} from '../../src/main/engine/pool/engine'
import { openPgConnection, type ConnectionParams } from '../../src/main/engine/pool/pg-connection'

/** Where a server listens and how to log in (the shared target or an own EmbeddedServer). */
export interface PgAddress {
  host: string
  port: number
  user: string
  password: string
  database: string
}

/** A short application_name unique to one test file (PostgreSQL keeps 63 bytes of it). */
export function appNameFor(testFile: string): string {
  return `lg-pool-${path.basename(testFile).replace(/\.test\.ts$/, '')}-${process.pid}`.slice(0, 63)
}

export function poolParams(address: PgAddress, applicationName: string): ConnectionParams {
  return {
    host: address.host,
    port: address.port,
    database: address.database,
    user: address.user,
    password: address.password,
    sslmode: 'disable',
    applicationName,
    connectTimeoutMs: 2_000,
  }
}

/** A pool over real pg connections, not started. Options default to short, test-sized values. */
export function createPgPool(
  address: PgAddress,
  applicationName: string,
  options: PoolOptionsInput = {},
): ConnectionPool {
  const params = poolParams(address, applicationName)
  return new ConnectionPool(
    { connect: () => openPgConnection(params), clock: systemClock, ...backendAdmin(params) },
    { acquireTimeoutMs: 2_000, validationTimeoutMs: 2_000, ...options },
  )
}

export async function startPgPool(
  address: PgAddress,
  applicationName: string,
  options: PoolOptionsInput = {},
): Promise<ConnectionPool> {
  const pool = createPgPool(address, applicationName, options)
  await pool.start()
  return pool
}

/** Runs `sql` on a leased connection and returns its rows. */
export async function queryOn<T>(lease: PoolLease, sql: string): Promise<T[]> {
  return (await lease.connection.query(sql)).rows as T[]
}

/** The backend pid reported by the server for this lease's connection. */
export async function serverPidOf(lease: PoolLease): Promise<number> {
  const rows = await queryOn<{ pid: number }>(lease, 'SELECT pg_backend_pid() AS pid')
  return rows[0]!.pid
}

/** One long-lived admin connection: the server's own view of the pool's sessions. */
export class AdminSession {
  private constructor(private readonly client: pg.Client) {}

  static async open(address: PgAddress): Promise<AdminSession> {
    const client = new pg.Client({
      ...address,
      application_name: 'lifeguard-test-admin',
      connectionTimeoutMillis: 2_000,
    })
    client.on('error', () => undefined)
    await client.connect()
    return new AdminSession(client)
  }

  async query<T extends object>(sql: string, values: unknown[] = []): Promise<T[]> {
    return (await this.client.query<T>(sql, values)).rows
  }

  /** Backend pids of the server sessions with this application_name (excluding this session). */
  async sessionPids(applicationName: string): Promise<number[]> {
    const rows = await this.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid() ORDER BY pid',
      [applicationName],
    )
    return rows.map((r) => r.pid)
  }

  async sessionCount(applicationName: string): Promise<number> {
    return (await this.sessionPids(applicationName)).length
  }

  /** The server's state of one backend ('active', 'idle', 'idle in transaction', ...), or null. */
  async backendState(pid: number): Promise<{ state: string | null; query: string } | null> {
    const rows = await this.query<{ state: string | null; query: string }>(
      'SELECT state, query FROM pg_stat_activity WHERE pid = $1',
      [pid],
    )
    return rows[0] ?? null
  }

  async terminate(pid: number): Promise<boolean> {
    const rows = await this.query<{ done: boolean }>('SELECT pg_terminate_backend($1) AS done', [
      pid,
    ])
    return rows[0]?.done === true
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined)
  }
}

/**
 * Polls a condition of the real system (server or pool state) until it holds or the deadline
 * passes; the failure names what was awaited and the last value seen.
 */
export async function until<T>(
  what: string,
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (accept(value)) return value
    if (Date.now() > deadline)
      throw new Error(
        `${what}: not reached within ${timeoutMs} ms (last: ${JSON.stringify(value)})`,
      )
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** The next event of `name` that matches, or a rejection after `timeoutMs`. */
export function nextEvent<K extends keyof PoolEvents>(
  pool: ConnectionPool,
  name: K,
  match: (payload: PoolEvents[K]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<PoolEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`no '${String(name)}' event within ${timeoutMs} ms`))
    }, timeoutMs)
    const off = pool.on(name, (payload) => {
      if (!match(payload)) return
      clearTimeout(timer)
      off()
      resolve(payload)
    })
  })
}

/** Records uncaught exceptions and unhandled rejections while a test runs. */
export function watchUnhandled(): { readonly errors: unknown[]; stop(): void } {
  const errors: unknown[] = []
  const onError = (error: unknown) => errors.push(error)
  process.on('uncaughtException', onError)
  process.on('unhandledRejection', onError)
  return {
    errors,
    stop() {
      process.off('uncaughtException', onError)
      process.off('unhandledRejection', onError)
    },
  }
}

/** Lets pending I/O callbacks and timers of the current tick run (not an assertion). */
export function settle(ms = 50): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
