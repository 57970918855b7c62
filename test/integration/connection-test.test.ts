import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/main/engine/core/clock'
import { findFreePort } from '../../src/main/engine/demo/free-port'
import { testConnection } from '../../src/main/engine/profiles/connection-test'
import type { ConnectionParams } from '../../src/main/engine/pool/pg-connection'
import { startBlackhole } from '../helpers/blackhole'
import { pgTarget } from '../helpers/pg-target'

const target = pgTarget()
const base = (): ConnectionParams => ({
  host: target.host,
  port: target.port,
  database: target.database,
  user: target.user,
  password: target.password,
  sslmode: 'prefer',
  connectTimeoutMs: 5000,
})

let blackhole: Awaited<ReturnType<typeof startBlackhole>>
beforeAll(async () => {
  blackhole = await startBlackhole()
})
afterAll(() => blackhole.close())

describe('test connection against a real PostgreSQL', () => {
  it('reports the server version and a round-trip latency', async () => {
    const result = await testConnection(base(), systemClock)
    expect(result.serverVersion).toMatch(/^\d+(\.\d+)?/)
    expect(result.latencyMs).toBeGreaterThan(0)
    expect(result.latencyMs).toBeLessThan(1000)
  })

  it('falls back to plain text under sslmode=prefer, and refuses under require', async () => {
    await expect(
      testConnection({ ...base(), sslmode: 'disable' }, systemClock),
    ).resolves.toBeDefined()
    await expect(
      testConnection({ ...base(), sslmode: 'require' }, systemClock),
    ).rejects.toMatchObject({
      code: 'ssl-required',
    })
  })

  it('says the password is wrong, without echoing it', async () => {
    const error = await testConnection(
      { ...base(), password: 'canary-wrong-pw' },
      systemClock,
    ).catch((e) => e)
    expect(error.code).toBe('auth-failed')
    expect(error.message).toBe(`password authentication failed for user "${target.user}"`)
    expect(JSON.stringify({ m: error.message, d: error.detail })).not.toContain('canary')
  })

  it('says the database does not exist', async () => {
    await expect(
      testConnection({ ...base(), database: 'no_such_db' }, systemClock),
    ).rejects.toMatchObject({
      code: 'unknown-database',
      message: expect.stringContaining('"no_such_db" does not exist'),
    })
  })

  it('says the port refused the connection', async () => {
    const port = await findFreePort()
    await expect(testConnection({ ...base(), port }, systemClock)).rejects.toMatchObject({
      code: 'connection-refused',
    })
  })

  it('times out against a server that never answers, within the bound', async () => {
    const started = performance.now()
    const error = await testConnection(
      { ...base(), port: blackhole.port, connectTimeoutMs: 500 },
      systemClock,
    ).catch((e) => e)
    const elapsed = performance.now() - started
    expect(error.code).toBe('timeout')
    // prefer tries TLS and then plain text: two bounded attempts at most
    expect(elapsed).toBeLessThan(2500)
  })
})
