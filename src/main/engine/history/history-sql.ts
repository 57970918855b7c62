/**
 * The history sink's tables on the sink's server (created only after the user consented,
 * history:create-tables) and the one statement each snapshot is: identifiers fixed and
 * schema-qualified, every value bound as $n. One row per profile per snapshot; `snapshot_id` is
 * the queue operation's id (`snapshot:<profileId>:<takenAt ms>`), so a row can never land twice
 * (the exactly-once table records it in the same transaction, and the primary key with
 * ON CONFLICT DO NOTHING is the last guard). `row_seq` and `written_at` are the server's: the
 * order and time rows actually landed (after an outage, later than `taken_at`).
 *
 * Names and figures only: never a password, a connection string or a query text.
 */

export const HISTORY_TABLE = 'lifeguard.pool_snapshots'

/** The snapshot's columns, in the order of the INSERT's parameters. */
export const snapshotColumns = [
  'snapshot_id',
  'taken_at',
  'profile_id',
  'profile_name',
  'state',
  'health_level',
  'breaker',
  'probe_latency_ms',
  'pool_total',
  'pool_active',
  'pool_idle',
  'pool_waiting',
  'pool_max',
  'pool_min',
  'pool_pending_creates',
  'pool_acquires',
  'pool_timeouts',
  'pool_leaks',
  'wait_p50_ms',
  'wait_p95_ms',
  'wait_p99_ms',
  'server_connections_used',
  'server_connections_available',
  'server_max_connections',
  'queue_depth',
] as const

export type SnapshotColumn = (typeof snapshotColumns)[number]

/** Run in one transaction, in this order. */
export const createHistoryTablesSql: readonly string[] = [
  'CREATE SCHEMA IF NOT EXISTS lifeguard',
  `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  snapshot_id text PRIMARY KEY,
  row_seq bigint GENERATED ALWAYS AS IDENTITY,
  taken_at timestamptz NOT NULL,
  profile_id text NOT NULL,
  profile_name text NOT NULL,
  state text NOT NULL,
  health_level text,
  breaker text,
  probe_latency_ms double precision,
  pool_total integer,
  pool_active integer,
  pool_idle integer,
  pool_waiting integer,
  pool_max integer,
  pool_min integer,
  pool_pending_creates integer,
  pool_acquires bigint,
  pool_timeouts bigint,
  pool_leaks bigint,
  wait_p50_ms double precision,
  wait_p95_ms double precision,
  wait_p99_ms double precision,
  server_connections_used integer,
  server_connections_available integer,
  server_max_connections integer,
  queue_depth integer,
  written_at timestamptz NOT NULL DEFAULT clock_timestamp()
)`,
  `CREATE INDEX IF NOT EXISTS pool_snapshots_profile_taken ON ${HISTORY_TABLE} (profile_id, taken_at)`,
]

/** The first line is what the Queue tab shows of a snapshot ("INSERT INTO lifeguard.pool_snapshots"). */
export const insertSnapshotSql =
  `INSERT INTO ${HISTORY_TABLE}\n` +
  `(${snapshotColumns.join(', ')})\n` +
  `VALUES (${snapshotColumns.map((c, i) => (c === 'taken_at' ? `$${i + 1}::timestamptz` : `$${i + 1}`)).join(', ')})\n` +
  'ON CONFLICT (snapshot_id) DO NOTHING'
