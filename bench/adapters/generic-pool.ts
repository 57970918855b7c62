/** generic-pool with its defaults; min 2 like the other pools that keep connections warm. */
import genericPool from 'generic-pool'
import type { BenchConnection, CreatePool } from './types'

const ignore = () => undefined

export const createGenericPool: CreatePool = async (source, max) => {
  const pool = genericPool.createPool<BenchConnection>(
    { create: () => source.connect(), destroy: (connection) => source.close(connection) },
    { max, min: Math.min(2, max) },
  )
  pool.on('factoryCreateError', ignore)
  return {
    pool: 'generic-pool',
    acquire: () => pool.acquire(),
    // Its release returns a promise; not chaining on it keeps the cost to what generic-pool does.
    release: (connection) => void pool.release(connection as BenchConnection),
    connection: (connection) => connection as BenchConnection,
    close: async () => {
      await pool.drain()
      await pool.clear()
    },
  }
}
