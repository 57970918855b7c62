/**
 * Issue 7 item 1: several hosts, as libpq allows. A host that refuses is skipped for the next one;
 * a host that answers and refuses the login ends the list (libpq does not try the remaining hosts
 * after an authentication failure). The profile's application_name reaches the server.
 */
import net from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Monitor } from '../../../src/main/engine/monitor/monitor'
import { adminQuery, openMonitor } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { tempDir } from '../../helpers/temp-dir'

const target = pgTarget()
let cleanup: () => void
let monitor: Monitor

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
async function refusedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

beforeEach(() => {
  const made = tempDir()
  cleanup = made.cleanup
  monitor = openMonitor(made.dir)
})
afterEach(async () => {
  await monitor.dispose()
  cleanup()
})

describe('a profile with fallback hosts', () => {
  it('skips a host that refuses and connects to the next, with its own application_name', async () => {
    const dead = await refusedPort()
    const profile = monitor.saveProfile(undefined, {
      name: 'with fallback',
      host: '127.0.0.1',
      port: dead,
      fallbackHosts: [{ host: target.host, port: target.port }],
      database: target.database,
      user: target.user,
      sslmode: 'disable',
      applicationName: 'lifeguard-fallback-test',
      password: target.password,
    })
    const status = await monitor.connect(profile.id)
    expect(status.state).toBe('connected')
    const rows = await adminQuery<{ n: number }>(
      target,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
      ['lifeguard-fallback-test'],
    )
    expect(rows[0]?.n).toBeGreaterThanOrEqual(1)
  })

  it('stops at a host that refuses the login, as libpq does', async () => {
    const profile = monitor.saveProfile(undefined, {
      name: 'auth stops the list',
      host: target.host,
      port: target.port,
      // Were the list continued after the login failure, this refusing host would be the last
      // error and the code would be 'connection-refused'.
      fallbackHosts: [{ host: '127.0.0.1', port: await refusedPort() }],
      database: target.database,
      user: target.user,
      sslmode: 'disable',
      password: 'certainly-not-the-password',
    })
    await expect(monitor.connect(profile.id)).rejects.toMatchObject({
      code: 'auth-failed',
    })
    const status = monitor.snapshot().statuses.find((s) => s.profileId === profile.id)
    expect(status?.state).toBe('failed')
    expect(status?.health?.errorClass).toBe('permanent')
  })
})

describe('a profile whose first login failed', () => {
  it('connects when the right password is entered next (a fresh session, not the old retry loop)', async () => {
    const profile = monitor.saveProfile(undefined, {
      name: 'retyped password',
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      sslmode: 'disable',
      password: 'wrong-password',
    })
    await expect(monitor.connect(profile.id)).rejects.toMatchObject({ code: 'auth-failed' })
    const status = await monitor.connect(profile.id, target.password)
    expect(status.state).toBe('connected')
  })
})
