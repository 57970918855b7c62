/**
 * Lifeguard's pool (src/main/engine/pool/engine, its public index), with its defaults and only `max` set.
 * The one file to touch when the pool's public API changes:
 *   new ConnectionPool({ connect }, options); await pool.start()
 *   const lease = await pool.acquire(); lease.connection.query(...); lease.release()
 *   await pool.shutdown()
 * A pool-level `query(text)` is used if the pool grows one (none as of this writing).
 */
import {
  ConnectionPool,
  type PoolConnection,
  type PoolLease,
  type PoolOptionsInput,
} from '../../src/main/engine/pool/engine'
import type { BenchConnection, ConnectionSource, PoolAdapter } from './types'

export async function createLifeguard(
  source: ConnectionSource,
  max: number,
  options: PoolOptionsInput = {},
  name = 'lifeguard',
): Promise<PoolAdapter> {
  // Both kinds of bench connection (FakeClient, pg.Client) are what the pool expects of one.
  const connect = () => source.connect() as unknown as Promise<PoolConnection>
  const pool = new ConnectionPool({ connect }, { ...options, max })
  await pool.start()
  const own = pool as unknown as { query?: (text: string) => Promise<unknown> }
  return {
    pool: name,
    acquire: () => pool.acquire(),
    release: (lease) => (lease as PoolLease).release(),
    connection: (lease) => (lease as PoolLease).connection as BenchConnection,
    query: typeof own.query === 'function' ? (text) => own.query!.call(pool, text) : undefined,
    close: () => pool.shutdown(),
  }
}
