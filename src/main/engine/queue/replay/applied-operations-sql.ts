/**
 * The exactly-once table: `lifeguard.applied_operations`, created on the server only after the
 * user consented (WriteQueue.setExactlyOnce). Identifiers are fixed and schema-qualified (never
 * taken from input, never from search_path); every value is bound as $n.
 *
 * Each replayed operation's id is inserted in the same transaction as the operation itself, so
 * after a crash between COMMIT and the local acknowledgement the id is found on the next replay
 * and the operation is recorded as applied without running it again.
 */

export const APPLIED_TABLE = 'lifeguard.applied_operations'

export const createSchemaSql = 'CREATE SCHEMA IF NOT EXISTS lifeguard'

export const createTableSql =
  'CREATE TABLE IF NOT EXISTS lifeguard.applied_operations (' +
  'id text PRIMARY KEY, ' +
  'payload_hash text NOT NULL, ' +
  'applied_at timestamptz NOT NULL DEFAULT now())'

/** $1 ids, $2 payload hashes (same order). Returns the ids that were new. */
export const insertIdsSql =
  'INSERT INTO lifeguard.applied_operations (id, payload_hash) ' +
  'SELECT * FROM unnest($1::text[], $2::text[]) ' +
  'ON CONFLICT (id) DO NOTHING RETURNING id'

/** $1 ids. */
export const selectHashesSql =
  'SELECT id, payload_hash FROM lifeguard.applied_operations WHERE id = ANY($1::text[])'

/** A standby in recovery takes no writes. */
export const inRecoverySql = 'SELECT pg_is_in_recovery() AS in_recovery'
