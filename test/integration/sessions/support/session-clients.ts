/**
 * Other clients of the shared server for the sessions tests: plain pg connections with their own
 * application_name (or role), each tracked so the file ends them all; login roles created for one
 * file and dropped after it (their sessions terminated first); and a poll for a sample that shows
 * what a test waits for.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { AdminSession } from '../../../helpers/pg-pool-harness'
import type { PgTarget } from '../../../helpers/pg-target'
import type { SessionSnapshot } from '../../../../src/main/engine/sessions/session-types'

export interface OpenClient {
  client: pg.Client
  pid: number
}

export class OtherClients {
  private readonly open: pg.Client[] = []

  constructor(private readonly target: PgTarget) {}

  async connect(
    options: { application?: string; user?: string; password?: string } = {},
  ): Promise<OpenClient> {
    const client = new pg.Client({
      host: this.target.host,
      port: this.target.port,
      database: this.target.database,
      user: options.user ?? this.target.user,
      password: options.password ?? this.target.password,
      application_name: options.application ?? 'lg-sessions-other',
      connectionTimeoutMillis: 5_000,
    })
    // A terminated or cancelled client reports an error event: expected here.
    client.on('error', () => undefined)
    await client.connect()
    this.open.push(client)
    const rows = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
    return { client, pid: rows.rows[0]!.pid }
  }

  async endAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((c) => c.end().catch(() => undefined)))
  }
}

/** A LOGIN role with a random password; drop it with dropRole. */
export async function createRole(admin: AdminSession, name: string): Promise<string> {
  const password = randomBytes(12).toString('hex')
  await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(name)}`)
  await admin.query(`CREATE ROLE ${quoteIdent(name)} LOGIN PASSWORD '${password}'`)
  return password
}

/** Ends the role's sessions, then drops it. */
export async function dropRole(admin: AdminSession, name: string): Promise<void> {
  await admin.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()',
    [name],
  )
  for (let i = 0; i < 100; i++) {
    const left = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1',
      [name],
    )
    if (left[0]?.n === 0) break
    await new Promise((r) => setTimeout(r, 20))
  }
  await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(name)}`)
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** Samples until `accept` holds (the server shows what the test set up) or the deadline passes. */
export async function sampleUntil(
  sample: () => Promise<SessionSnapshot>,
  what: string,
  accept: (snapshot: SessionSnapshot) => boolean,
  timeoutMs = 5_000,
): Promise<SessionSnapshot> {
  const deadline = Date.now() + timeoutMs
  let last: SessionSnapshot | undefined
  for (;;) {
    last = await sample()
    if (accept(last)) return last
    if (Date.now() > deadline)
      throw new Error(
        `${what}: not seen within ${timeoutMs} ms (last sample: ${JSON.stringify(
          last.sessions.map((s) => [s.pid, s.application, s.state, s.blockedBy]),
        )})`,
      )
    await new Promise((r) => setTimeout(r, 25))
  }
}
