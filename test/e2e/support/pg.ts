import pg from 'pg'
import type { EmbeddedServerAddress } from '../../../src/main/engine/demo/embedded-server'

export function e2ePg(): EmbeddedServerAddress {
  const raw = process.env['LIFEGUARD_E2E_PG']
  if (!raw) throw new Error('LIFEGUARD_E2E_PG is not set: the global setup did not run')
  return JSON.parse(raw) as EmbeddedServerAddress
}

/** Server sessions opened by Lifeguard (application_name 'lifeguard'), as the server sees them. */
export async function lifeguardSessions(address: EmbeddedServerAddress): Promise<number> {
  const client = new pg.Client({ ...address, application_name: 'lifeguard-e2e-admin' })
  await client.connect()
  try {
    const r = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'lifeguard'",
    )
    return r.rows[0]?.n ?? 0
  } finally {
    await client.end()
  }
}

/** Queries of Lifeguard's sessions the server is running now (state 'active', not our probes). */
export async function lifeguardRunning(
  address: EmbeddedServerAddress,
  queryLike: string,
): Promise<number> {
  const client = new pg.Client({ ...address, application_name: 'lifeguard-e2e-admin' })
  await client.connect()
  try {
    const r = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'lifeguard' AND state = 'active' AND query LIKE $1`,
      [queryLike],
    )
    return r.rows[0]?.n ?? 0
  } finally {
    await client.end()
  }
}
