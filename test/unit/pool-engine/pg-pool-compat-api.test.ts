import { describe, expect, it } from 'vitest'
import {
  compatPoolOptions,
  isConnectionProblem,
} from '../../../src/main/engine/pool/engine/pg-pool-compat-client'
import { resolvePoolOptions } from '../../../src/main/engine/pool/engine/pool-options'
import { flushPromises } from '../../helpers/fake-clock'
import { makeCompatPool, track } from '../../helpers/pool-stubs'

const serverError = (code: string) =>
  Object.assign(new Error(`server says ${code}`), { code, severity: 'ERROR' })

describe('CompatPool counts', () => {
  it('totalCount, idleCount, waitingCount and expiredCount follow pg-pool', async () => {
    const { pool, clock } = makeCompatPool({ max: 2, maxLifetimeSeconds: 60 })
    expect([pool.totalCount, pool.idleCount, pool.waitingCount, pool.expiredCount]).toEqual([
      0, 0, 0, 0,
    ])
    const a = await pool.connect()
    const b = await pool.connect()
    const waiting = track(pool.connect())
    await flushPromises()
    expect([pool.totalCount, pool.idleCount, pool.waitingCount]).toEqual([2, 0, 1])
    await clock.advance(60_000) // both pass their lifetime while checked out
    expect(pool.expiredCount).toBe(2)
    a.release() // retired on release; the waiter gets a new connection
    await flushPromises()
    expect(waiting.status).toBe('resolved')
    expect([pool.totalCount, pool.waitingCount, pool.expiredCount]).toEqual([2, 0, 1])
    b.release()
    ;(waiting.value as { release(): void }).release()
    expect([pool.totalCount, pool.idleCount, pool.expiredCount]).toEqual([1, 1, 0])
  })
})

describe('CompatPool callback forms', () => {
  it('connect(cb) passes (err, client, done); query(text, cb) and query(text, values, cb)', async () => {
    const { pool, factory } = makeCompatPool({ max: 1 })
    const results: unknown[] = []
    await new Promise<void>((resolve) =>
      pool.connect((err, client, done) => {
        results.push(err)
        client!.query('SELECT 1', (qerr, res) => {
          results.push(qerr, res?.rows)
          done()
          resolve()
        })
      }),
    )
    await new Promise<void>((resolve) =>
      pool.query('SELECT 2', (err, res) => {
        results.push(err, res?.rows)
        resolve()
      }),
    )
    await new Promise<void>((resolve) =>
      pool.query('SELECT $1', [3], (err) => {
        results.push(err)
        resolve()
      }),
    )
    expect(results).toEqual([undefined, null, [], undefined, [], undefined])
    expect(factory.made[0]!.params).toEqual([undefined, undefined, [3]])
    expect(pool.idleCount).toBe(1)
    const ended: unknown[] = []
    await new Promise<void>((resolve) => pool.end((err) => (ended.push(err), resolve())))
    await new Promise<void>((resolve) => pool.end((err) => (ended.push(err), resolve())))
    expect(ended[0]).toBeUndefined()
    expect((ended[1] as Error).message).toBe('Called end on pool more than once')
  })

  it('a failing query reaches the callback; connect after end fails like pg-pool', async () => {
    const { pool, factory } = makeCompatPool({ max: 1 })
    ;(await pool.connect()).release()
    factory.made[0]!.failQueries = /boom/
    const err = await new Promise<unknown>((resolve) => pool.query('boom', (e) => resolve(e)))
    expect((err as Error).message).toBe('query failed: boom')
    await pool.end()
    await expect(pool.connect()).rejects.toThrow('Cannot use a pool after calling end on the pool')
    await expect(pool.query('SELECT 1')).rejects.toThrow('Cannot use a pool after calling end')
    const viaCb = await new Promise<unknown>((resolve) => pool.connect((e) => resolve(e)))
    expect((viaCb as Error).message).toBe('Cannot use a pool after calling end on the pool')
  })
})

describe('CompatPool errors', () => {
  it('keeps the connection after a server error, destroys it after a connection problem', async () => {
    const { pool, factory } = makeCompatPool({ max: 1 })
    const released: unknown[] = []
    pool.on('release', (err) => released.push(err))
    ;(await pool.connect()).release()
    const c = factory.made[0]!
    c.failQueries = /FROM missing/
    c.failError = () => serverError('42P01')
    await expect(pool.query('SELECT * FROM missing')).rejects.toMatchObject({ code: '42P01' })
    expect(c.closed).toBe(false)
    expect(pool.totalCount).toBe(1)
    c.failError = undefined // a plain Error: the socket broke
    await expect(pool.query('SELECT * FROM missing')).rejects.toThrow('query failed')
    expect(c.destroyed).toBe(true)
    expect(pool.totalCount).toBe(0)
    expect(released.map((e) => (e instanceof Error ? e.message : e))).toEqual([
      undefined,
      undefined,
      'query failed: SELECT * FROM missing',
    ])
    await pool.query('SELECT 1') // a fresh connection
    expect(factory.made).toHaveLength(2)
  })

  it('classifies connection problems', () => {
    expect(isConnectionProblem(serverError('23505'))).toBe(false)
    expect(isConnectionProblem(serverError('08006'))).toBe(true)
    expect(isConnectionProblem(serverError('57P01'))).toBe(true)
    expect(isConnectionProblem(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isConnectionProblem(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true)
    expect(isConnectionProblem('weird')).toBe(true)
  })

  it("a second release throws pg-pool's error", async () => {
    const { pool } = makeCompatPool({ max: 1 })
    const client = await pool.connect()
    client.release()
    expect(() => client.release()).toThrow(
      'Release called on client which has already been released to the pool.',
    )
  })

  it('connectionTimeoutMillis bounds the wait; 0 (the default) waits', async () => {
    const { pool, clock } = makeCompatPool({ max: 1, connectionTimeoutMillis: 500 })
    const held = await pool.connect()
    const w = track(pool.connect())
    await clock.advance(500)
    expect((w.error as { code: string }).code).toBe('pool-exhausted')
    held.release()
    const { pool: patient, clock: c2 } = makeCompatPool({ max: 1 })
    const h2 = await patient.connect()
    const w2 = track(patient.query('SELECT 1'))
    await c2.advance(3_600_000)
    expect(w2.status).toBe('pending')
    h2.release()
    await flushPromises()
    expect(w2.status).toBe('resolved')
  })
})

describe('pg.Pool config mapping', () => {
  it("maps pg-pool's defaults and keeps the result valid", () => {
    const o = compatPoolOptions({})
    expect(o).toMatchObject({
      max: 10,
      min: 0,
      initial: 0,
      idleTimeoutMs: 10_000,
      housekeepingMs: 5_000,
      maxLifetimeMs: 0,
      acquireTimeoutMs: 2_147_483_647,
    })
    expect(() => resolvePoolOptions(o)).not.toThrow()
  })

  it('reconciles pg settings the engine would reject', () => {
    const short = compatPoolOptions({ idleTimeoutMillis: 100, maxLifetimeSeconds: 0.5, min: 2 })
    expect(short).toMatchObject({ idleTimeoutMs: 0, maxLifetimeMs: 1_000, keepaliveMs: 0, min: 2 })
    expect(() => resolvePoolOptions(short)).not.toThrow()
    const idle = compatPoolOptions({ idleTimeoutMillis: 0, connectionTimeoutMillis: 2_500, max: 4 })
    expect(idle).toMatchObject({ idleTimeoutMs: 0, acquireTimeoutMs: 2_500, max: 4 })
    expect(idle).not.toHaveProperty('housekeepingMs')
    expect(compatPoolOptions({ lifeguard: { maxWaiting: 5 } }).maxWaiting).toBe(5)
  })

  it('keeps min connections open in the background (start-up opens none and cannot fail)', async () => {
    const { pool, factory } = makeCompatPool({ max: 3, min: 2 })
    await flushPromises()
    expect(factory.made).toHaveLength(2)
    expect(pool.idleCount).toBe(2)
  })
})
