import { describe, expect, it } from 'vitest'
import type { CompatPool } from '../../../src/main/engine/pool/engine/pg-pool-compat'
import type { PoolConnection } from '../../../src/main/engine/pool/engine/pool-connection'
import { flushPromises } from '../../helpers/fake-clock'
import { makeCompatPool } from '../../helpers/pool-stubs'

/** Every event as `name:pid` (release adds `!` when released with an error). */
function record(pool: CompatPool<PoolConnection>) {
  const log: string[] = []
  const pid = (c: { processID: number | null }) => String(c.processID)
  pool.on('connect', (c) => log.push(`connect:${pid(c)}`))
  pool.on('acquire', (c) => log.push(`acquire:${pid(c)}`))
  pool.on('release', (err, c) => log.push(`release:${pid(c)}${err ? '!' : ''}`))
  pool.on('remove', (c) => log.push(`remove:${pid(c)}`))
  pool.on('error', (err, c) => log.push(`error:${pid(c)}:${err.message}`))
  return log
}

describe('CompatPool events (pg-pool order)', () => {
  it('connect, acquire, release for a new client; acquire, release when reused; one client object', async () => {
    const { pool } = makeCompatPool({ max: 2 })
    const log = record(pool)
    const seen = new Set<unknown>()
    pool.on('connect', (c) => seen.add(c))
    pool.on('acquire', (c) => seen.add(c))
    pool.on('release', (_e, c) => seen.add(c))
    const client = await pool.connect()
    client.release()
    await pool.query('SELECT 1')
    expect(log).toEqual([
      'connect:1000',
      'acquire:1000',
      'release:1000',
      'acquire:1000',
      'release:1000',
    ])
    expect(seen.size).toBe(1)
    expect(seen.has(client)).toBe(true)
  })

  it('release(true) and release(err) destroy the client: release, then remove', async () => {
    const { pool, factory } = makeCompatPool({ max: 2 })
    const log = record(pool)
    const a = await pool.connect()
    a.release(true)
    const b = await pool.connect()
    b.release(new Error('broken'))
    expect(log).toEqual([
      'connect:1000',
      'acquire:1000',
      'release:1000!',
      'remove:1000',
      'connect:1001',
      'acquire:1001',
      'release:1001!',
      'remove:1001',
    ])
    expect(factory.made.map((c) => c.destroyed)).toEqual([true, true])
    expect(pool.totalCount).toBe(0)
  })

  it('an idle client that errors: error, then remove; without a listener nothing crashes', async () => {
    const { pool, factory } = makeCompatPool({ max: 2 })
    const log = record(pool)
    ;(await pool.connect()).release()
    factory.made[0]!.emitError('terminating connection due to administrator command')
    expect(log.slice(3)).toEqual([
      'error:1000:terminating connection due to administrator command',
      'remove:1000',
    ])
    const { pool: quiet, factory: f2 } = makeCompatPool({ max: 2 })
    ;(await quiet.connect()).release()
    expect(() => f2.made[0]!.emitError()).not.toThrow()
    expect(quiet.totalCount).toBe(0)
    const again = await quiet.connect() // still serves
    again.release()
    expect(quiet.totalCount).toBe(1)
  })

  it('a checked-out client that errors is not reported as a pool error', async () => {
    const { pool, factory } = makeCompatPool({ max: 2 })
    const log = record(pool)
    const client = await pool.connect()
    factory.made[0]!.emitError()
    expect(log).toEqual(['connect:1000', 'acquire:1000', 'remove:1000'])
    client.release() // a no-op for the engine: the connection is gone
    expect(pool.totalCount).toBe(0)
  })

  it('idle timeout removes clients (remove event) after idleTimeoutMillis', async () => {
    const { pool, clock } = makeCompatPool({ max: 2, idleTimeoutMillis: 2_000 })
    const log = record(pool)
    const a = await pool.connect()
    const b = await pool.connect()
    a.release()
    b.release()
    await clock.advance(1_999)
    expect(pool.idleCount).toBe(2)
    await clock.advance(1_001) // the HouseKeeper runs every idleTimeoutMillis / 2
    expect(log.filter((e) => e.startsWith('remove'))).toHaveLength(2)
    expect(pool.totalCount).toBe(0)
  })

  it('end() removes every client and fires remove for each', async () => {
    const { pool } = makeCompatPool({ max: 2 })
    const log = record(pool)
    const a = await pool.connect()
    const b = await pool.connect()
    a.release()
    const ended = pool.end()
    await flushPromises()
    expect(pool.ended).toBe(false) // b is still out
    b.release()
    await ended
    expect(log.filter((e) => e.startsWith('remove')).sort()).toEqual(['remove:1000', 'remove:1001'])
    expect(pool.ended).toBe(true)
  })
})
