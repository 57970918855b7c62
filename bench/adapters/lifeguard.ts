/**
 * Lifeguard's pool (src/main/engine/pool/engine, its public index). One engine pool serves both
 * modes: `query` goes through the pg.Pool-compatible facade (CompatPool.query, compared with
 * pg.Pool.query), `lease` through the engine's own acquire / release (compared with pg.Pool's
 * connect / release). The one file to touch when the pool's public API changes.
 */
import {
  CompatPool,
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
  const compat = new CompatPool<PoolConnection>(
    { max, lifeguard: { ...options, max } },
    { connect },
  )
  const pool = compat.pool
  // Warm up like the others: one connection opened before timing starts.
  const first = await pool.acquire()
  first.release()
  return {
    pool: name,
    acquire: () => pool.acquire(),
    release: (lease) => (lease as PoolLease).release(),
    connection: (lease) => (lease as PoolLease).connection as unknown as BenchConnection,
    query: (text) => compat.query(text),
    close: () => compat.end(),
  }
}
