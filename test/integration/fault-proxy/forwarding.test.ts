import { createHash, randomBytes } from 'node:crypto'
import type { Socket } from 'node:net'
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

async function checkByteExact(): Promise<void> {
  expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])

  const big = await client.query<{ s: string }>("SELECT repeat('x', 1000000) AS s")
  expect(big.rows[0]?.s).toBe('x'.repeat(1_000_000))

  // Random bytes up (binary parameter) and back (hex text): every byte value, both directions.
  const payload = randomBytes(48 * 1024)
  const echo = await client.query<{ b: Buffer; h: string }>(
    'SELECT $1::bytea AS b, md5($1::bytea) AS h',
    [payload],
  )
  expect(echo.rows[0]?.h).toBe(createHash('md5').update(payload).digest('hex'))
  expect(Buffer.compare(echo.rows[0]!.b, payload)).toBe(0)
}

describe('fault proxy: forwarding', () => {
  it('forwards both directions byte-exactly and counts it', async () => {
    expect(proxy.host).toBe('127.0.0.1')
    expect(proxy.port).not.toBe(target.port)
    expect(proxy.connections).toBe(1)
    const before = proxy.bytesForwarded
    await checkByteExact()
    expect(proxy.bytesForwarded - before).toBeGreaterThan(1_000_000 + 2 * 48 * 1024)
  })

  it('stays byte-exact when data is sliced into 7-byte chunks', async () => {
    // The client's own socket (private in node-postgres' types): record the size of every read.
    const stream = (client as unknown as { connection: { stream: Socket } }).connection.stream
    const reads: number[] = []
    stream.on('data', (chunk: Buffer) => reads.push(chunk.length))
    proxy.sliceChunks(7)
    await checkByteExact()
    // The parser really was fed tiny pieces.
    expect(reads.length).toBeGreaterThan(100_000)
    expect(reads.reduce((a, b) => Math.max(a, b), 0)).toBeLessThanOrEqual(7 * 4)
  })
})
