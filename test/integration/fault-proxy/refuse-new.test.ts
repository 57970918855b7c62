import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { pgTarget } from '../../helpers/pg-target'

const target = pgTarget()
let proxy: FaultProxy
const clients: pg.Client[] = []

function newClient(): pg.Client {
  const client = new pg.Client({
    ...target,
    host: proxy.host,
    port: proxy.port,
    connectionTimeoutMillis: 3000,
  })
  client.on('error', () => undefined)
  clients.push(client)
  return client
}

beforeEach(async () => {
  proxy = await startFaultProxy({ target: { host: target.host, port: target.port } })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)))
  await proxy.close()
})

describe('fault proxy: refuseNew', () => {
  it('refuses new connections with ECONNREFUSED, keeps open ones, and can listen again', async () => {
    const open = newClient()
    await open.connect()
    const port = proxy.port

    await proxy.refuseNew(true)
    await expect(newClient().connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(proxy.accepted).toBe(1)
    // Already open connections are untouched.
    expect((await open.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    expect(proxy.connections).toBe(1)

    await proxy.refuseNew(false)
    expect(proxy.port).toBe(port)
    const again = newClient()
    await again.connect()
    expect((await again.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }])
    expect(proxy.connections).toBe(2)
  })
})
