/**
 * A server restart (fast stop, then start) while 20 borrowers loop: afterwards every borrower
 * succeeds again within a few seconds, no connection from before the restart is reused, and
 * nothing leaks (reliability.md E.26). Uses its own server, since it restarts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  EmbeddedServer,
  type EmbeddedServerAddress,
} from '../../../src/main/engine/demo/embedded-server'
import type { ConnectionPool } from '../../../src/main/engine/pool/engine'
import {
  AdminSession,
  appNameFor,
  serverPidOf,
  startPgPool,
  until,
  watchUnhandled,
} from '../../helpers/pg-pool-harness'

const appName = appNameFor(__filename)
const BORROWERS = 20
let server: EmbeddedServer
let address: EmbeddedServerAddress
let pool: ConnectionPool | undefined

beforeAll(async () => {
  server = new EmbeddedServer()
  address = await server.init()
})
afterAll(async () => {
  await pool?.shutdown()
  await server.dispose()
})

interface Attempt {
  borrower: number
  startedAt: number
  leasePid?: number
  serverPid?: number
  error?: string
}

describe('server restart under load', () => {
  it('recovers every borrower, reuses nothing stale, and leaks nothing', async () => {
    const unhandled = watchUnhandled()
    const p = (pool = await startPgPool(address, appName, {
      max: 5,
      min: 2,
      acquireTimeoutMs: 300,
      createBackoffMs: 50,
      createBackoffMaxMs: 250,
    }))
    const createFailures: { n: number; retryInMs: number }[] = []
    p.on('create-failed', (e) =>
      createFailures.push({ n: e.consecutiveFailures, retryInMs: e.retryInMs }),
    )
    const attempts: Attempt[] = []
    let running = true
    const borrower = async (id: number) => {
      while (running) {
        const attempt: Attempt = { borrower: id, startedAt: performance.now() }
        attempts.push(attempt)
        try {
          const lease = await p.acquire({ holder: `borrower-${id}` })
          attempt.leasePid = lease.backendPid
          try {
            attempt.serverPid = await serverPidOf(lease)
            await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 3)))
            lease.release()
          } catch (error) {
            lease.release(error as Error)
            throw error
          }
        } catch (error) {
          attempt.error = String(error)
          // Failing fast while the server is down: do not spin.
          await new Promise((r) => setTimeout(r, 10))
        }
      }
    }
    const loops = Array.from({ length: BORROWERS }, (_, i) => borrower(i))
    const ok = (a: Attempt) => a.serverPid !== undefined

    await until(
      'all borrowers served before the restart',
      () => attempts,
      (list) => new Set(list.filter(ok).map((a) => a.borrower)).size === BORROWERS,
    )
    const pidsBefore = new Set(attempts.filter(ok).map((a) => a.serverPid!))
    await server.stop()
    const stoppedAt = performance.now()
    await until(
      'callers fail while the server is down',
      () => attempts,
      (list) => list.some((a) => a.startedAt > stoppedAt && a.error !== undefined),
    )
    await server.start()
    const restartedAt = performance.now()

    // Within a few seconds, every borrower has succeeded again...
    await until(
      'every borrower succeeds after the restart',
      () => attempts,
      (list) =>
        new Set(list.filter((a) => a.startedAt > restartedAt && ok(a)).map((a) => a.borrower))
          .size === BORROWERS,
      5_000,
    )
    const recoveredAt = performance.now()
    // ...and keeps succeeding.
    await until(
      'more work after recovery',
      () => attempts,
      (list) => list.filter((a) => a.startedAt > recoveredAt && ok(a)).length >= 10 * BORROWERS,
    )
    running = false
    await Promise.all(loops)

    const after = attempts.filter((a) => a.startedAt > restartedAt)
    // Nothing from before the restart was handed out again.
    const stale = after.filter((a) => a.leasePid !== undefined && pidsBefore.has(a.leasePid))
    expect(stale).toEqual([])
    // Every lease ran on the backend it claimed (a stale one would have failed or differed).
    const mismatched = after.filter((a) => ok(a) && a.serverPid !== a.leasePid)
    expect(mismatched).toEqual([])
    // Once recovered, nothing failed any more.
    expect(after.filter((a) => a.startedAt > recoveredAt && a.error !== undefined)).toEqual([])

    // Reconnects followed the backoff schedule (50 ms doubling, capped at 250 ms): no storm.
    expect(createFailures.length).toBeGreaterThan(0)
    expect(createFailures).toEqual(
      createFailures.map(({ n }) => ({ n, retryInMs: Math.min(250, 50 * 2 ** (n - 1)) })),
    )
    const downMs = restartedAt - stoppedAt
    expect(createFailures.length).toBeLessThanOrEqual(2 * (Math.ceil(downMs / 50) + 2))

    // The pool's connections are exactly the server's sessions of this application, at most max.
    const admin = await AdminSession.open(address)
    try {
      const poolPids = [...p.entries].map((e) => e.backendPid!).sort((a, b) => a - b)
      expect(poolPids.length).toBeLessThanOrEqual(5)
      expect(poolPids.some((pid) => pidsBefore.has(pid))).toBe(false)
      expect(await admin.sessionPids(appName)).toEqual(poolPids)
      await p.shutdown()
      expect(p.state).toBe('closed')
      expect(p.stats()).toMatchObject({ total: 0, active: 0, idle: 0, validating: 0 })
      await until(
        'no session left after shutdown',
        () => admin.sessionCount(appName),
        (n) => n === 0,
      )
    } finally {
      await admin.close()
    }
    unhandled.stop()
    expect(unhandled.errors).toEqual([])
  })
})
