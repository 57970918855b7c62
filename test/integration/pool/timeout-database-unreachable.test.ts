/**
 * A stopped server: creations fail, and a waiting caller times out with 'database-unreachable'
 * (not 'pool-exhausted'), naming the cause and never the password (reliability.md E.28).
 * Uses its own server, since it stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  EmbeddedServer,
  type EmbeddedServerAddress,
} from '../../../src/main/engine/demo/embedded-server'
import { AcquireTimeoutError, type ConnectionPool } from '../../../src/main/engine/pool/engine'
import {
  appNameFor,
  serverPidOf,
  startPgPool,
  until,
  watchUnhandled,
} from '../../helpers/pg-pool-harness'

const appName = appNameFor(__filename)
let server: EmbeddedServer
let address: EmbeddedServerAddress
let pool: ConnectionPool | undefined
const unhandled = watchUnhandled()

beforeAll(async () => {
  server = new EmbeddedServer()
  address = await server.init()
})
afterAll(async () => {
  unhandled.stop()
  await pool?.shutdown()
  await server.dispose()
})

describe('acquire while the database is down', () => {
  it('times out with database-unreachable naming the cause, and recovers when it is back', async () => {
    const p = (pool = await startPgPool(address, appName, {
      max: 3,
      min: 1,
      acquireTimeoutMs: 300,
      createBackoffMs: 50,
      createBackoffMaxMs: 200,
    }))
    const first = await p.acquire()
    const pidBefore = await serverPidOf(first)
    first.release()

    await server.stop()
    // The server's shutdown ended the idle connection: the pool drops it.
    await until(
      'the dead connection is removed',
      () => p.stats().total,
      (n) => n === 0,
    )
    const failures: Error[] = []
    p.on('create-failed', (e) => failures.push(e.error))

    const startedAt = performance.now()
    const error = await p.acquire({ holder: 'while-down' }).catch((e: unknown) => e)
    const waited = performance.now() - startedAt
    expect(error).toBeInstanceOf(AcquireTimeoutError)
    const e = error as AcquireTimeoutError
    expect(e.code).toBe('database-unreachable')
    expect(e.message).toBe(
      `acquire timed out after 300 ms (total=0, active=0, idle=0, waiting=0): the database is unreachable: connection refused by ${address.host}:${address.port}: is PostgreSQL running on that port?`,
    )
    expect(e.cause).toMatchObject({ code: 'connection-refused' })
    expect(failures.length).toBeGreaterThan(0)
    expect(waited).toBeGreaterThanOrEqual(295)
    expect(waited).toBeLessThan(1_500)
    // No secret anywhere in what a caller or a log would see.
    const shown = JSON.stringify({
      message: e.message,
      cause: String(e.cause),
      causeMessage: (e.cause as Error).message,
      failures: failures.map((f) => f.message),
    })
    expect(address.password.length).toBeGreaterThan(8)
    expect(shown).not.toContain(address.password)

    await server.start()
    // Creation backs off at most 200 ms, so a caller that waits long enough is served.
    const lease = await p.acquire({ timeoutMs: 3_000 })
    const pidAfter = await serverPidOf(lease)
    expect(pidAfter).toBe(lease.backendPid)
    expect(pidAfter).not.toBe(pidBefore)
    lease.release()
    expect(unhandled.errors).toEqual([])
  })
})
