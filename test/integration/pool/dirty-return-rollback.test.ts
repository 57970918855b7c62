/**
 * A connection returned inside a transaction (BEGIN; INSERT; release without COMMIT) is rolled
 * back before reuse: the next holder, on the same backend, starts outside any transaction, and
 * the insert is never visible to another session (reliability.md E.28). Same for a transaction
 * left failed by an error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PoolEvents } from '../../../src/main/engine/pool/engine'
import { queryOn } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const table = `lg_pool_dirty_${process.pid}`

beforeAll(async () => {
  await fx.admin.query(`CREATE TABLE ${table} (note text NOT NULL)`)
})
afterEach(() => fx.stopPools())
afterAll(async () => {
  await fx.admin.query(`DROP TABLE IF EXISTS ${table}`)
})

/** One connection only, so the next holder gets the same backend. */
async function singleConnectionPool() {
  const p = await fx.start({ max: 1, min: 1 })
  const removed: PoolEvents['removed'][] = []
  p.on('removed', (e) => removed.push(e))
  return { p, removed }
}

interface TxView {
  pid: number
  xid: string | null
  fresh: boolean
}

/** What the next holder sees: no transaction id assigned and a statement-fresh now(). */
const txView = `SELECT pg_backend_pid() AS pid, txid_current_if_assigned()::text AS xid,
  now() = statement_timestamp() AS fresh`

async function visibleRows(): Promise<number> {
  const rows = await fx.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
  return rows[0]!.n
}

describe('a connection returned mid-transaction', () => {
  it('is rolled back: the next holder on the same backend is outside any transaction', async () => {
    const { p, removed } = await singleConnectionPool()
    const first = await p.acquire({ holder: 'forgetful' })
    const pid = first.backendPid!
    await queryOn(first, 'BEGIN')
    await queryOn(first, `INSERT INTO ${table} (note) VALUES ('never committed')`)
    const [inside] = await queryOn<TxView>(first, txView)
    // The probe itself can tell: inside the transaction an xid is assigned and now() is older.
    expect(inside).toMatchObject({ pid, fresh: false })
    expect(inside!.xid).not.toBeNull()
    expect(await fx.admin.backendState(pid)).toMatchObject({ state: 'idle in transaction' })
    first.release()

    const second = await p.acquire({ holder: 'next' })
    expect(second.backendPid).toBe(pid)
    const [view] = await queryOn<TxView>(second, txView)
    expect(view).toEqual({ pid, xid: null, fresh: true })
    expect(await queryOn(second, `SELECT count(*)::int AS n FROM ${table}`)).toEqual([{ n: 0 }])
    second.release()

    expect(await fx.admin.backendState(pid)).toMatchObject({ state: 'idle' })
    expect(await visibleRows()).toBe(0)
    expect(removed).toEqual([])
    expect(p.stats()).toMatchObject({ total: 1, idle: 1, active: 0, validating: 0 })
  })

  it('is rolled back when the transaction was left failed by an error', async () => {
    const { p, removed } = await singleConnectionPool()
    const first = await p.acquire({ holder: 'careless' })
    const pid = first.backendPid!
    await queryOn(first, 'BEGIN')
    await queryOn(first, `INSERT INTO ${table} (note) VALUES ('lost in a failed transaction')`)
    await expect(queryOn(first, 'SELECT 1/0')).rejects.toMatchObject({ code: '22012' })
    // Still "in a failed transaction": every statement is refused until ROLLBACK.
    await expect(queryOn(first, 'SELECT 1')).rejects.toMatchObject({ code: '25P02' })
    first.release()

    const second = await p.acquire({ holder: 'next' })
    expect(second.backendPid).toBe(pid)
    const [view] = await queryOn<TxView>(second, txView)
    expect(view).toEqual({ pid, xid: null, fresh: true })
    second.release()
    expect(await visibleRows()).toBe(0)
    expect(removed).toEqual([])
  })
})
