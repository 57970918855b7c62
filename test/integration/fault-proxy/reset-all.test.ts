import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { pgTarget } from '../../helpers/pg-target'

const target = pgTarget()
let proxy: FaultProxy
let client: pg.Client
const clientErrors: Error[] = []

beforeEach(async () => {
  clientErrors.length = 0
  proxy = await startFaultProxy({ target: { host: target.host, port: target.port } })
  client = new pg.Client({ ...target, host: proxy.host, port: proxy.port })
  client.on('error', (e) => clientErrors.push(e))
  await client.connect()
})
afterEach(async () => {
  await client.end().catch(() => undefined)
  await proxy.close()
})

describe('fault proxy: resetAll', () => {
  it('fails an in-flight query quickly with a connection reset', async () => {
    const forwardedBefore = proxy.bytesForwarded
    const inFlight = client.query('SELECT pg_sleep(2)').then(
      () => null,
      (e: unknown) => e,
    )
    // Wait until the query has actually reached the server side of the proxy.
    await vi.waitFor(() => expect(proxy.bytesForwarded).toBeGreaterThan(forwardedBefore), {
      timeout: 2000,
      interval: 5,
    })

    const start = performance.now()
    proxy.resetAll()
    const error = await inFlight
    const elapsed = performance.now() - start

    expect(elapsed).toBeLessThan(1000)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ code: 'ECONNRESET' })
    expect(clientErrors.map((e) => (e as NodeJS.ErrnoException).code)).toContain('ECONNRESET')
    await vi.waitFor(() => expect(proxy.connections).toBe(0), { timeout: 2000, interval: 10 })
  })
})
