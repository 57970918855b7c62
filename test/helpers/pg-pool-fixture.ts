/**
 * The scaffolding most pool integration files share: the shared server, an application_name of
 * their own, an admin session, and pools that are shut down after the file, whose server sessions
 * must then be gone (leftovers are terminated so they never outlive the file, and the check fails).
 * Files whose tests each need a clean server call stopPools() in their own afterEach.
 */
import { afterAll, beforeAll } from 'vitest'
import type { ConnectionPool, PoolOptionsInput } from '../../src/main/engine/pool/engine'
import { AdminSession, appNameFor, startPgPool, until } from './pg-pool-harness'
import { pgTarget, type PgTarget } from './pg-target'

export interface PgPoolFixture {
  readonly target: PgTarget
  readonly appName: string
  readonly admin: AdminSession
  /** Starts a pool wired like a profile's; it is shut down after the file. */
  start(options: PoolOptionsInput): Promise<ConnectionPool>
  /** Shuts down every pool started so far and waits until the server has none of their sessions. */
  stopPools(): Promise<void>
}

export function usePgPoolFixture(testFile: string): PgPoolFixture {
  const target = pgTarget()
  const appName = appNameFor(testFile)
  const pools: ConnectionPool[] = []
  let admin: AdminSession | undefined

  async function stopPools(): Promise<void> {
    for (const pool of pools) await pool.shutdown()
    pools.length = 0
    const session = admin
    if (!session) return
    await until(
      'pool sessions closed',
      () => session.sessionCount(appName),
      (n) => n === 0,
    )
  }

  beforeAll(async () => {
    admin = await AdminSession.open(target)
  })
  afterAll(async () => {
    const session = admin
    if (!session) return
    try {
      await stopPools()
    } finally {
      for (const pid of await session.sessionPids(appName)) await session.terminate(pid)
      await session.close()
    }
  })

  return {
    target,
    appName,
    get admin(): AdminSession {
      if (!admin) throw new Error('the admin session opens in beforeAll')
      return admin
    },
    async start(options) {
      const pool = await startPgPool(target, appName, options)
      pools.push(pool)
      return pool
    },
    stopPools,
  }
}
