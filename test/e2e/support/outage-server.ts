/**
 * A PostgreSQL of the test's own, to stop and start (an outage) without touching the shared one
 * from the global setup. Its cluster is initialised in the background from the start of the test
 * (initdb is the slow part), so the test can launch Lifeguard meanwhile and await `ready` when it
 * needs the address. Disposed afterwards (server stopped, data directory removed).
 */
import {
  EmbeddedServer,
  type EmbeddedServerAddress,
} from '../../../src/main/engine/demo/embedded-server'
import { test as base } from './fixtures'

export interface OutageServer {
  server: EmbeddedServer
  /** Resolves with the address once the cluster is initialised and running. */
  ready: Promise<EmbeddedServerAddress>
}

export const test = base.extend<{ outagePg: OutageServer }>({
  // eslint-disable-next-line no-empty-pattern
  outagePg: async ({}, use) => {
    const server = new EmbeddedServer({ database: 'lifeguard_outage' })
    const ready = server.init()
    try {
      await use({ server, ready })
    } finally {
      await ready.catch(() => undefined)
      await server.dispose()
    }
  },
})

export { expect } from './fixtures'
