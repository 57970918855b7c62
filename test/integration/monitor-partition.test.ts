/**
 * A profile's pool keeps one connection for Lifeguard's own queries: a workload that takes every
 * connection it may never blinds the monitor (issue 3, partitions).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/main/engine/core/clock'
import { defaults } from '../../src/main/engine/defaults'
import { healthDefaults } from '../../src/main/engine/health/health-settings'
import { ProfileSession } from '../../src/main/engine/monitor/profile-session'
import type { PoolLease } from '../../src/main/engine/pool/engine'
import { pgTarget } from '../helpers/pg-target'

const target = pgTarget()
let session: ProfileSession | undefined

afterEach(async () => {
  await session?.disconnect()
  session = undefined
})

describe('the monitor partition of a profile pool', () => {
  it('still serves Lifeguard at once while the workload holds everything it may', async () => {
    session = new ProfileSession('partition-test', {
      clock: systemClock,
      health: healthDefaults,
      onStatus: () => undefined,
      onStats: () => undefined,
      onAttempt: () => undefined,
    })
    await session.connect(
      {
        ...target,
        sslmode: 'disable',
        applicationName: 'lifeguard-partition-test',
        connectTimeoutMs: 5000,
      },
      { ...defaults.pool, acquireTimeoutMs: 300 },
    )
    const pool = session.pool!
    const reserved = Object.values(defaults.pool.partitions).reduce((a, b) => a + b, 0)
    const general = defaults.pool.max - reserved
    const held: PoolLease[] = []
    for (let i = 0; i < general; i++) held.push(await pool.acquire({ holder: `workload ${i}` }))

    // The workload is now at its limit: one more general acquire waits and times out...
    await expect(pool.acquire({ holder: 'one too many' })).rejects.toMatchObject({
      code: 'pool-exhausted',
    })
    // ...while Lifeguard's health probe gets its reserved connection straight away (the session
    // sampler has its own, in the monitor partition).
    const started = performance.now()
    const probe = await pool.acquire({ holder: 'probe', partition: defaults.healthPartition })
    const result = await probe.connection.query('SELECT 1 AS one')
    expect(result.rows).toEqual([{ one: 1 }])
    expect(performance.now() - started).toBeLessThan(250)
    probe.release()
    for (const lease of held) lease.release()
    expect(pool.stats()).toMatchObject({ active: 0, max: defaults.pool.max })
  })
})
