/** Other clients of the test PostgreSQL, as a DBA's server would have them (for the sessions view). */
import pg from 'pg'
import type { EmbeddedServerAddress } from '../../../src/main/engine/demo/embedded-server'

/**
 * A connected client with the given application_name, added to `clients` so the test ends it.
 * A session terminated from the UI makes the client emit 'error': expected here, not a failure.
 */
export async function payloadClient(
  address: EmbeddedServerAddress,
  applicationName: string,
  clients: pg.Client[],
): Promise<pg.Client> {
  const client = new pg.Client({ ...address, application_name: applicationName })
  client.on('error', () => undefined)
  clients.push(client)
  await client.connect()
  return client
}

export async function backendPid(client: pg.Client): Promise<number> {
  const r = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
  const pid = r.rows[0]?.pid
  if (typeof pid !== 'number') throw new Error('no backend pid')
  return pid
}

/** Whether the server still has a session with this pid (asked from a connection of its own). */
export async function sessionExists(address: EmbeddedServerAddress, pid: number): Promise<boolean> {
  const client = new pg.Client({ ...address, application_name: 'e2e-check' })
  await client.connect()
  try {
    const r = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1',
      [pid],
    )
    return (r.rows[0]?.n ?? 0) > 0
  } finally {
    await client.end()
  }
}
