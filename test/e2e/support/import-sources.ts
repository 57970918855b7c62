/**
 * What libpq would read, written by the test: a 0600 password file holding the test server's
 * real password, a service file, and an empty system config directory (so no pg_service.conf of
 * the machine leaks in). `launchWithLibpqEnv` starts browser mode with PGPASSFILE, PGSERVICEFILE
 * and PGSYSCONFDIR pointing at them. Removed afterwards.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { EmbeddedServerAddress } from '../../../src/main/engine/demo/embedded-server'
import { test as base } from './fixtures'
import { startLifeguard, type RunningLifeguard } from './lifeguard-server'

export interface LibpqFiles {
  dir: string
  pgpassFile: string
  serviceFile: string
  sysconfDir: string
  /** Passwords written into the password file for rows that are not the test server's. */
  otherPasswords: string[]
}

/**
 * .pgpass lines: the test database (new), the postgres database (new; the service file offers it
 * too), a wildcard line (supplies passwords only: a warning) and an invalid host (an invalid row).
 */
export function writeLibpqFiles(dir: string, pg: EmbeddedServerAddress): LibpqFiles {
  const otherPasswords = ['wildcard-canary-7f3a', 'invalid-host-canary-91c2']
  const pgpassFile = path.join(dir, 'pgpass')
  fs.writeFileSync(
    pgpassFile,
    [
      '# written by the Lifeguard e2e test',
      `${pg.host}:${pg.port}:${pg.database}:${pg.user}:${pg.password}`,
      `${pg.host}:${pg.port}:postgres:${pg.user}:${pg.password}`,
      `*:*:*:replication_bot:${otherPasswords[0]}`,
      `bad_host!:5432:orders:app:${otherPasswords[1]}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  )
  fs.chmodSync(pgpassFile, 0o600)
  const serviceFile = path.join(dir, 'pg_service.conf')
  fs.writeFileSync(
    serviceFile,
    [
      '# services for the Lifeguard e2e test',
      '[billing-reporting]',
      `host=${pg.host}`,
      `port=${pg.port}`,
      'dbname=postgres',
      `user=${pg.user}`,
      'sslmode=disable',
      'application_name=lifeguard-billing',
      '',
      '[orders-primary]',
      `host=${pg.host}`,
      `port=${pg.port}`,
      `dbname=${pg.database}`,
      `user=${pg.user}`,
      '',
    ].join('\n'),
  )
  const sysconfDir = path.join(dir, 'sysconf')
  fs.mkdirSync(sysconfDir)
  return { dir, pgpassFile, serviceFile, sysconfDir, otherPasswords }
}

/**
 * Starts browser mode with extra environment variables. startLifeguard spawns its child
 * synchronously, before its first await, with process.env: the variables are set for that call
 * only and restored at once, so nothing else in this worker ever sees them.
 */
export function startWithEnv(
  dataDir: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<RunningLifeguard> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  try {
    return startLifeguard(dataDir, args)
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

export const test = base.extend<{
  libpqDir: string
  launchWithLibpqEnv: (files: LibpqFiles) => Promise<RunningLifeguard>
}>({
  // eslint-disable-next-line no-empty-pattern
  libpqDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeguard-e2e-libpq-'))
    await use(dir)
    fs.rmSync(dir, { recursive: true, force: true })
  },
  launchWithLibpqEnv: async ({ dataDir }, use) => {
    const started: RunningLifeguard[] = []
    await use(async (files) => {
      const server = await startWithEnv(dataDir, {
        PGPASSFILE: files.pgpassFile,
        PGSERVICEFILE: files.serviceFile,
        PGSYSCONFDIR: files.sysconfDir,
      })
      started.push(server)
      return server
    })
    for (const server of started) await server.stop()
  },
})

export { expect } from './fixtures'
