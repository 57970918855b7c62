import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { pgTarget } from '../../helpers/pg-target'

const target = pgTarget()
let proxy: FaultProxy
const clients: pg.Client[] = []

function newClient(config: pg.ClientConfig = {}): pg.Client {
  const client = new pg.Client({ ...target, host: proxy.host, port: proxy.port, ...config })
  client.on('error', () => undefined)
  clients.push(client)
  return client
}

beforeEach(async () => {
  proxy = await startFaultProxy({ target: { host: target.host, port: target.port } })
})
afterEach(async () => {
  await proxy.close()
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)))
})

describe('fault proxy: blackhole', () => {
  it('holds traffic without closing anything, and delivers it when lifted', async () => {
    const client = newClient({ query_timeout: 500 })
    let ended = false
    client.on('end', () => (ended = true))
    await client.connect()
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])

    proxy.blackhole(true)
    const connections = proxy.connections
    const forwarded = proxy.bytesForwarded

    const start = performance.now()
    const error = await client.query('SELECT 1 AS one').then(
      () => null,
      (e: unknown) => e,
    )
    const elapsed = performance.now() - start
    // A timeout, not a quick success or a quick failure.
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/timeout/i)
    expect(elapsed).toBeGreaterThanOrEqual(450)
    expect(proxy.connections).toBe(connections)
    expect(ended).toBe(false)

    // A new connection is accepted, but the PostgreSQL handshake never completes.
    await expect(newClient({ connectionTimeoutMillis: 300 }).connect()).rejects.toThrow(/timeout/i)
    expect(proxy.accepted).toBe(2)
    // Its close is held too (not passed on while blackholed), so it still counts as open.
    expect(proxy.connections).toBe(connections + 1)

    // Not a byte went through in either direction.
    expect(proxy.bytesForwarded).toBe(forwarded)

    // Lifted: the held query reaches the server, its stale reply is consumed by node-postgres,
    // and the same connection works again.
    proxy.blackhole(false)
    expect((await client.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }])
    expect(proxy.bytesForwarded).toBeGreaterThan(forwarded)
    expect(ended).toBe(false)
    // The held close of the abandoned handshake is passed on now.
    await vi.waitFor(() => expect(proxy.connections).toBe(connections), { timeout: 2000 })
  })
})
