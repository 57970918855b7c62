/**
 * A real Monitor (profile file and preferences in a temp dir, fake clock) whose profile sessions
 * use stub connections instead of node-postgres, for the cockpit's wiring without a database.
 */
import { createMonitor } from '../../../src/main/engine/create-monitor'
import { defaultEngineSettings } from '../../../src/main/engine/defaults'
import type { ProfileDrivers } from '../../../src/main/engine/monitor/profile-drivers'
import { openConf } from '../../helpers/conf-store'
import { FakeClock } from '../../helpers/fake-clock'
import { stubFactory } from '../../helpers/pool-stubs'
import { tempDir } from '../../helpers/temp-dir'

export function stubMonitor() {
  const { dir, cleanup } = tempDir()
  const clock = new FakeClock()
  const factory = stubFactory()
  const drivers: ProfileDrivers = {
    connect: () => factory.connect(),
    attempt: async () => ({ serverVersion: '18.1' }),
    admin: () => ({ cancelBackend: async () => true, terminateBackend: async () => true }),
  }
  const monitor = createMonitor({
    dataDir: dir,
    openStore: () => openConf(dir),
    clock,
    shell: 'web',
    version: '0.0.0-test',
    settings: defaultEngineSettings,
    sessionDeps: { drivers, observeSessions: false, random: () => 0.5 },
  })
  const draft = (name: string) => ({
    name,
    host: '127.0.0.1',
    port: 5432,
    database: 'app',
    user: 'dba',
    sslmode: 'disable' as const,
    password: 'sekret-pw-1234',
  })
  return {
    dir,
    clock,
    factory,
    monitor,
    draft,
    close: async () => {
      await monitor.dispose()
      cleanup()
    },
  }
}
