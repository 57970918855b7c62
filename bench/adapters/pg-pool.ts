/** pg.Pool (pg-pool) with its defaults (idleTimeoutMillis 10000, no pre-fill), only `max` set. */
import pg from 'pg'
import type { BenchConnection, CreatePool } from './types'

const ignore = () => undefined

export const createPgPool: CreatePool = async (source, max) => {
  const pool = new pg.Pool({
    ...source.clientConfig,
    max,
    Client: source.Client as unknown as pg.PoolConfig['Client'],
  })
  // An idle client's error would otherwise be re-emitted as an unhandled 'error'.
  pool.on('error', ignore)
  return {
    pool: 'pgpool',
    acquire: () => pool.connect(),
    release: (client) => (client as pg.PoolClient).release(),
    connection: (client) => client as BenchConnection,
    query: (text) => pool.query(text),
    close: () => pool.end(),
  }
}
