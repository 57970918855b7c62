/**
 * The replay's table of SQLSTATEs: which server errors are worth retrying (the same statement may
 * well succeed in a moment) and which need a person (retrying only repeats them). Looked up by
 * full code first, then by class (the first two characters). A code in neither list is
 * permanent: replay then stops and asks, which is safe because order matters.
 * Source: PostgreSQL's "Appendix A. PostgreSQL Error Codes".
 */

export type SqlstateClass = 'transient' | 'permanent' | 'read-only'

/** Full codes, where a class holds both kinds. */
const byCode: Readonly<Record<string, SqlstateClass>> = {
  // class 25 invalid transaction state: read-only is its own case, the rest are permanent
  '25006': 'read-only', // read_only_sql_transaction (a standby, default_transaction_read_only)
  '25P03': 'transient', // idle_in_transaction_session_timeout
  // class 40 transaction rollback
  '40001': 'transient', // serialization_failure
  '40P01': 'transient', // deadlock_detected
  '40003': 'transient', // statement_completion_unknown
  '40002': 'permanent', // transaction_integrity_constraint_violation
  // class 55 object not in prerequisite state
  '55P03': 'transient', // lock_not_available (lock_timeout)
  '55006': 'transient', // object_in_use
  // class 57 operator intervention
  '57014': 'transient', // query_canceled (statement_timeout, a cancel)
  '57P01': 'transient', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02': 'transient', // crash_shutdown
  '57P03': 'transient', // cannot_connect_now
  '57P05': 'transient', // idle_session_timeout
  '57P04': 'permanent', // database_dropped
  // class 72
  '72000': 'transient', // snapshot_too_old
}

const byClass: Readonly<Record<string, SqlstateClass>> = {
  '08': 'transient', // connection exception
  '53': 'transient', // insufficient resources (disk full, out of memory, too many connections)
  '57': 'transient', // operator intervention (the codes above aside)
  '58': 'transient', // system error (I/O error)
  '0A': 'permanent', // feature not supported
  '21': 'permanent', // cardinality violation
  '22': 'permanent', // data exception (invalid input, division by zero ...)
  '23': 'permanent', // integrity constraint violation (unique, foreign key, not null, check)
  '25': 'permanent', // invalid transaction state (e.g. VACUUM inside a transaction)
  '28': 'permanent', // invalid authorization
  '2B': 'permanent', // dependent privilege descriptors still exist
  '2D': 'permanent', // invalid transaction termination (COMMIT inside a procedure here)
  '3D': 'permanent', // invalid catalog name
  '3F': 'permanent', // invalid schema name
  '40': 'permanent', // transaction rollback (the codes above aside)
  '42': 'permanent', // syntax error or access rule violation (42601, 42P01, 42703, 42501 ...)
  '44': 'permanent', // WITH CHECK OPTION violation
  '54': 'permanent', // program limit exceeded
  '55': 'permanent', // object not in prerequisite state (the codes above aside)
  P0: 'permanent', // PL/pgSQL (RAISE EXCEPTION)
  XX: 'permanent', // internal error, data or index corrupted: a person must look
}

export function isSqlstate(code: unknown): code is string {
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)
}

export function sqlstateClass(code: string): SqlstateClass {
  return byCode[code] ?? byClass[code.slice(0, 2)] ?? 'permanent'
}

/** After these the connection itself is gone or not to be trusted (release it as broken). */
export function breaksConnection(code: string): boolean {
  return ['08', '57', '58', 'XX'].includes(code.slice(0, 2))
}
