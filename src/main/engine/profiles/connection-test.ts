/** "Test connection": one short-lived connection, server version and round-trip latency. */
import type { Clock } from '../core/clock'
import type { ConnectionTestResult } from '../../../shared/domain'
import { openPgConnection, type ConnectionParams } from '../pool/pg-connection'
import { classifyConnectionError } from '../core/pg-errors'

export async function testConnection(
  params: ConnectionParams,
  clock: Clock,
): Promise<ConnectionTestResult> {
  const client = await openPgConnection(params)
  try {
    const version = await client.query<{ server_version: string }>('SHOW server_version')
    const started = clock.now()
    await client.query('SELECT 1')
    const latencyMs = Math.round((clock.now() - started) * 100) / 100
    return { serverVersion: version.rows[0]?.server_version ?? 'unknown', latencyMs }
  } catch (error) {
    throw classifyConnectionError(error, params)
  } finally {
    await client.end().catch(() => undefined)
  }
}
