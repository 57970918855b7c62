/** Issue 7 item 2: profiles export as JSON without passwords (and without password commands). */
import { afterEach, describe, expect, it } from 'vitest'
import { openMonitor } from '../../helpers/monitor-harness'
import { tempDir } from '../../helpers/temp-dir'

const CANARY = "Canary-pw:@/#?%'\\ ü"
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('exporting profiles', () => {
  it('writes every field a DBA set, and no password or password command', async () => {
    const { dir, cleanup } = tempDir()
    const monitor = openMonitor(dir)
    cleanups.push(cleanup, () => monitor.dispose())
    const a = monitor.saveProfile(undefined, {
      name: 'prod',
      group: 'Production',
      color: 'red',
      host: 'db1.internal',
      port: 5432,
      fallbackHosts: [{ host: 'db2.internal', port: 5432 }],
      database: 'app',
      user: 'dba',
      sslmode: 'verify-full',
      sslrootcert: '/etc/ssl/root.crt',
      password: CANARY,
      passwordCommand: `vault read -token=${CANARY} secret/db`,
    })
    monitor.saveProfile(undefined, {
      name: 'staging',
      host: 'db3.internal',
      port: 5432,
      database: 'app',
      user: 'dba',
      sslmode: 'require',
    })
    const all = monitor.exportProfiles(undefined)
    expect(all.count).toBe(2)
    expect(all.fileName).toMatch(/^lifeguard-profiles-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.json$/)
    expect(all.json).not.toContain('Canary')
    expect(all.json).not.toContain('vault read')
    const parsed = JSON.parse(all.json) as { profiles: Array<Record<string, unknown>> }
    expect(parsed.profiles[0]).toMatchObject({
      name: 'prod',
      group: 'Production',
      color: 'red',
      fallbackHosts: [{ host: 'db2.internal', port: 5432 }],
      sslrootcert: '/etc/ssl/root.crt',
    })
    for (const p of parsed.profiles) {
      expect(p).not.toHaveProperty('password')
      expect(p).not.toHaveProperty('passwordCommand')
    }
    expect(monitor.exportProfiles([a.id]).count).toBe(1)
    expect(() => monitor.exportProfiles(['no-such-id'])).toThrow(/no profile/)
  })
})
