/** One throw-away PostgreSQL for the end-to-end run; its address reaches the tests through env. */
import { EmbeddedServer } from '../../../src/main/engine/demo/embedded-server'

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = new EmbeddedServer({ database: 'lifeguard_e2e' })
  const address = await server.init()
  process.env['LIFEGUARD_E2E_PG'] = JSON.stringify(address)
  return () => server.dispose()
}
