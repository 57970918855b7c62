/** tarn with its defaults; min 2 like the other pools that keep connections warm. */
import tarn from 'tarn'
import type { BenchConnection, CreatePool } from './types'

export const createTarn: CreatePool = async (source, max) => {
  const pool = new tarn.Pool<BenchConnection>({
    create: () => source.connect(),
    destroy: (connection) => source.close(connection),
    min: Math.min(2, max),
    max,
  })
  return {
    pool: 'tarn',
    acquire: () => pool.acquire().promise,
    release: (connection) => {
      pool.release(connection as BenchConnection)
    },
    connection: (connection) => connection as BenchConnection,
    close: async () => {
      await pool.destroy()
    },
  }
}
