import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { pgTarget } from '../../helpers/pg-target'

const target = pgTarget()
let proxy: FaultProxy
let client: pg.Client

beforeEach(async () => {
  proxy = await startFaultProxy({ target: { host: target.host, port: target.port } })
  client = new pg.Client({ ...target, host: proxy.host, port: proxy.port })
  client.on('error', () => undefined)
  await client.connect()
})
afterEach(async () => {
  await client.end().catch(() => undefined)
  await proxy.close()
})

async function roundTripMs(): Promise<number> {
  const start = performance.now()
  const result = await client.query('SELECT 1 AS one')
  const elapsed = performance.now() - start
  expect(result.rows).toEqual([{ one: 1 }])
  return elapsed
}

describe('fault proxy: latency', () => {
  it('delays each direction by the configured latency, in order', async () => {
    const ms = 150
    proxy.setLatency(ms)
    // The query waits `ms` on the way in and the reply `ms` on the way out.
    const delayed = await roundTripMs()
    expect(delayed).toBeGreaterThanOrEqual(2 * ms)
    expect(delayed).toBeLessThan(2 * ms + 2000)

    // A reply spread over many chunks, each delayed, still arrives complete and in order.
    proxy.sliceChunks(64 * 1024)
    const big = await client.query<{ s: string }>(
      "SELECT string_agg(lpad(i::text, 6, '0'), '') AS s FROM generate_series(1, 50000) AS i",
    )
    const expected = Array.from({ length: 50000 }, (_, i) => String(i + 1).padStart(6, '0'))
    expect(big.rows[0]?.s).toBe(expected.join(''))
    proxy.sliceChunks(0)

    proxy.setLatency(0)
    expect(await roundTripMs()).toBeLessThan(2 * ms)
  })
})
