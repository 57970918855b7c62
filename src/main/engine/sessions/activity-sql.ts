/**
 * The sampling query, built for the server's version (PostgreSQL 12 and later): one statement
 * returns every row of pg_stat_activity with the settings that frame it repeated on each row, so
 * a sample is one round trip. Only columns the version has are named: `leader_pid` came in 13,
 * `query_id` in 14, the `reserved_connections` setting in 16.
 *
 * Cost notes: pg_blocking_pids takes the lock manager's partition locks, so it is called only for
 * sessions waiting on a heavyweight lock; timestamps come back as epoch ms (float8), so the driver
 * builds no Date objects; ages are computed from them against the server's statement time.
 */

export const MIN_SERVER_VERSION_NUM = 120000

export const VERSION_SQL = `SELECT current_setting('server_version_num')::int AS server_version_num`

/** A column of pg_stat_activity and the first version that has it. */
interface Column {
  expression: string
  alias: string
  since: number
}

const epochMs = (column: string) => `(extract(epoch FROM a.${column}) * 1000)::float8`

const columns: readonly Column[] = [
  { expression: 'a.pid', alias: 'pid', since: 0 },
  { expression: 'a.leader_pid', alias: 'leader_pid', since: 130000 },
  { expression: 'a.datname::text', alias: 'datname', since: 0 },
  { expression: 'a.usename::text', alias: 'usename', since: 0 },
  { expression: 'a.application_name', alias: 'application_name', since: 0 },
  { expression: 'host(a.client_addr)', alias: 'client_addr', since: 0 },
  { expression: 'a.client_port', alias: 'client_port', since: 0 },
  { expression: 'a.backend_type', alias: 'backend_type', since: 0 },
  { expression: epochMs('backend_start'), alias: 'backend_start', since: 0 },
  { expression: epochMs('xact_start'), alias: 'xact_start', since: 0 },
  { expression: epochMs('query_start'), alias: 'query_start', since: 0 },
  { expression: epochMs('state_change'), alias: 'state_change', since: 0 },
  { expression: 'a.state', alias: 'state', since: 0 },
  { expression: 'a.wait_event_type', alias: 'wait_event_type', since: 0 },
  { expression: 'a.wait_event', alias: 'wait_event', since: 0 },
  { expression: 'a.query_id::text', alias: 'query_id', since: 140000 },
  { expression: 'a.query', alias: 'query', since: 0 },
  {
    expression: `(a.backend_type = 'client backend' OR (a.backend_type IS NULL AND a.datid IS NOT NULL))`,
    alias: 'counts_as_client',
    since: 0,
  },
  {
    expression: `CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END`,
    alias: 'blocked_by',
    since: 0,
  },
]

/** The activity columns this version has, by alias (for tests and documentation). */
export function activityColumns(versionNum: number): string[] {
  return columns.filter((c) => versionNum >= c.since).map((c) => c.alias)
}

export function sessionSampleSql(versionNum: number): string {
  const reserved = versionNum >= 160000 ? `current_setting('reserved_connections')::int` : '0'
  const select = columns
    .filter((c) => versionNum >= c.since)
    .map((c) => `  ${c.expression} AS ${c.alias}`)
    .join(',\n')
  return `/* lifeguard: session sample */
WITH settings AS (SELECT
  current_setting('server_version_num')::int AS server_version_num,
  current_setting('max_connections')::int AS max_connections,
  current_setting('superuser_reserved_connections')::int AS superuser_reserved_connections,
  ${reserved} AS reserved_connections,
  pg_has_role('pg_read_all_stats', 'USAGE') AS sees_all,
  pg_backend_pid() AS sampler_pid,
  (extract(epoch FROM statement_timestamp()) * 1000)::float8 AS server_time
)
SELECT s.*,
${select}
FROM settings s LEFT JOIN pg_stat_activity a ON true`
}
