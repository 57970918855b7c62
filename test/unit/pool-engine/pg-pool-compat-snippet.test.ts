import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { makeCompatPool } from '../../helpers/pool-stubs'

/** The part of pg.Pool the snippet uses; pg.Pool itself must satisfy it (checked below). */
interface PgPoolLike {
  connect(): Promise<{
    query(text: string): Promise<unknown>
    release(err?: Error | boolean): void
  }>
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
  end(): Promise<void>
}
// Compile-time proof that the snippet is written against pg.Pool's real types.
export const pgPoolFitsTheSnippet = (p: pg.Pool): PgPoolLike => p

/** Written for node-postgres's Pool, untouched. */
async function snippet(pool: PgPoolLike) {
  const client = await pool.connect()
  try {
    await client.query('SELECT 1')
  } finally {
    client.release()
  }
  const { rows } = await pool.query('SELECT $1::int AS n', [1])
  await pool.end()
  return rows
}

describe('pg.Pool code on CompatPool', () => {
  it('runs the connect / query / release and pool.query snippet unchanged', async () => {
    const { pool, factory } = makeCompatPool({ max: 2 })
    expect(await snippet(pool)).toEqual([])
    expect(factory.made).toHaveLength(1)
    expect(factory.made[0]!.queries).toEqual(['SELECT 1', 'SELECT $1::int AS n'])
    expect(factory.made[0]!.params[1]).toEqual([1])
    expect(factory.made[0]!.closed).toBe(true)
    expect(pool.ended).toBe(true)
  })
})
