import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  EmbeddedServer,
  type EmbeddedServerAddress,
} from '../../src/main/engine/demo/embedded-server'

let server: EmbeddedServer
let address: EmbeddedServerAddress

beforeAll(async () => {
  server = new EmbeddedServer()
  address = await server.init()
})
afterAll(() => server.dispose())

async function select1(): Promise<unknown> {
  const client = new pg.Client({ ...address, connectionTimeoutMillis: 2000 })
  client.on('error', () => undefined)
  try {
    await client.connect()
    return (await client.query('SELECT 1 AS one')).rows[0]
  } finally {
    await client.end().catch(() => undefined)
  }
}

describe('the embedded PostgreSQL test helper', () => {
  it('can be stopped and started again', async () => {
    expect(await select1()).toEqual({ one: 1 })
    await server.stop()
    await expect(select1()).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await server.start()
    expect(await select1()).toEqual({ one: 1 })
  })

  it('can be killed (SIGKILL) and recovers on start', async () => {
    const client = new pg.Client(address)
    const errors: Error[] = []
    client.on('error', (e) => errors.push(e))
    await client.connect()
    await server.kill()
    await expect(client.query('SELECT 1')).rejects.toThrow()
    await client.end().catch(() => undefined)
    await expect(select1()).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await server.start()
    expect(await select1()).toEqual({ one: 1 })
  })
})
