import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Monitor } from '../../src/main/engine/monitor/monitor'
import type { PoolStatsSample, ProfileStatus } from '../../src/shared/domain'
import { eventually, openMonitor, sessionsNamed } from '../helpers/monitor-harness'
import { pgTarget } from '../helpers/pg-target'
import { tempDir } from '../helpers/temp-dir'

const target = pgTarget()
let dir: string
let cleanup: () => void
let monitor: Monitor

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  monitor = openMonitor(dir)
})
afterEach(async () => {
  await monitor.dispose()
  cleanup()
})

const draft = () => ({
  name: 'integration',
  host: target.host,
  port: target.port,
  database: target.database,
  user: target.user,
  sslmode: 'disable' as const,
  password: target.password,
})

describe('connect and disconnect a profile', () => {
  it('opens the pool, streams live counts, and closes every connection on disconnect', async () => {
    const states: ProfileStatus['state'][] = []
    const samples: PoolStatsSample[] = []
    monitor.events.on('connection:state-changed', (s) => states.push(s.state))
    monitor.events.on('pool:stats-changed', (s) => samples.push(s))

    const profile = monitor.saveProfile(undefined, draft())
    expect(profile.hasSessionPassword).toBe(true)
    const status = await monitor.connect(profile.id)
    expect(status.state).toBe('connected')
    expect(status.serverVersion).toMatch(/^\d+/)
    // Warm: min connections open. One may be in use by Lifeguard itself (the sessions sampler).
    expect(status.pool).toMatchObject({ total: 2, max: 10 })
    expect(status.pool!.active + status.pool!.idle).toBe(2)
    expect(await sessionsNamed(target, 'lifeguard')).toBe(2)
    expect(samples.at(-1)?.stats.total).toBe(2)

    const final = await monitor.disconnect(profile.id)
    expect(final.state).toBe('disconnected')
    expect(states).toEqual(['connecting', 'connected', 'disconnecting', 'disconnected'])
    await eventually(async () => (await sessionsNamed(target, 'lifeguard')) === 0)
  })

  it('fails with a specific error and leaves no connection behind', async () => {
    const profile = monitor.saveProfile(undefined, { ...draft(), password: 'wrong-password' })
    await expect(monitor.connect(profile.id)).rejects.toMatchObject({ code: 'auth-failed' })
    expect(monitor.snapshot().statuses[0]).toMatchObject({
      state: 'failed',
      error: { code: 'auth-failed' },
    })
    expect(await sessionsNamed(target, 'lifeguard')).toBe(0)
  })

  it('keeps the profile but not the password across a restart', async () => {
    const profile = monitor.saveProfile(undefined, draft())
    await monitor.dispose()
    monitor = openMonitor(dir)
    expect(monitor.listProfiles()).toEqual([{ ...profile, hasSessionPassword: false }])
    await expect(monitor.connect(profile.id)).rejects.toMatchObject({ code: 'password-required' })
    const status = await monitor.connect(profile.id, target.password)
    expect(status.state).toBe('connected')
  })

  it('deleting a connected profile disconnects it first', async () => {
    const profile = monitor.saveProfile(undefined, draft())
    await monitor.connect(profile.id)
    await monitor.deleteProfile(profile.id)
    expect(monitor.listProfiles()).toEqual([])
    await eventually(async () => (await sessionsNamed(target, 'lifeguard')) === 0)
  })
})
