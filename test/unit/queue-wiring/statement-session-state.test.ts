/**
 * A queued statement must not change the pooled connection's session beyond its transaction
 * (the connection is shared): SET without LOCAL, SET ROLE, RESET, DISCARD, LISTEN, PREPARE,
 * cursors, temporary tables, session advisory locks, set_config(..., false) are refused with a
 * message saying what to use instead; their transaction-scoped forms are accepted.
 */
import { describe, expect, it } from 'vitest'
import {
  describeStatementProblem,
  statementProblem,
} from '../../../src/main/engine/queue/statement-rules'

describe('statements that would leak session state through the pool', () => {
  it.each([
    ['SET search_path = app', 'SET without LOCAL'],
    ['set statement_timeout to 0', 'SET without LOCAL'],
    ['SET SESSION work_mem = 1000', 'SET without LOCAL'],
    ['SET TIME ZONE UTC', 'SET without LOCAL'],
    ['/* x */ SET ROLE admin', 'SET ROLE'],
    ['SET SESSION AUTHORIZATION bob', 'SET SESSION AUTHORIZATION'],
    ['SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY', 'SET without LOCAL'],
    ['RESET ALL', 'RESET'],
    ['reset role', 'RESET'],
    ['DISCARD ALL', 'DISCARD'],
    ['LISTEN jobs', 'LISTEN'],
    ['UNLISTEN *', 'UNLISTEN'],
    ['PREPARE p AS SELECT 1', 'PREPARE'],
    ['EXECUTE p(1)', 'EXECUTE'],
    ['DEALLOCATE ALL', 'DEALLOCATE'],
    ['DECLARE c CURSOR WITH HOLD FOR SELECT 1', 'a cursor'],
    ['FETCH 10 FROM c', 'a cursor'],
    ['CLOSE c', 'a cursor'],
    ['CREATE TEMP TABLE x (a int)', 'a temporary object'],
    ['CREATE LOCAL TEMPORARY TABLE x (a int)', 'a temporary object'],
    ['create or replace temp view v as select 1', 'a temporary object'],
    ['SELECT * INTO TEMP t FROM s', 'SELECT INTO a temporary table'],
    ["LOAD 'auto_explain'", 'LOAD'],
    ['SELECT pg_advisory_lock(42)', 'a session-level advisory lock'],
    ['SELECT pg_try_advisory_lock_shared($1)', 'a session-level advisory lock'],
    ["SELECT set_config('app.user', $1, false)", 'set_config'],
    ["SELECT set_config('a', lower('B'), FALSE)", 'set_config'],
  ])('refuses %j (%s)', (sql, what) => {
    const problem = statementProblem(sql)
    expect(problem?.kind).toBe('session-state')
    if (problem?.kind !== 'session-state') return
    expect(problem.what.startsWith(what)).toBe(true)
    const message = describeStatementProblem(problem)
    expect(message).toContain('cannot be queued')
    expect(message).toContain('session')
  })

  it('says what to use instead where there is something', () => {
    const set = statementProblem('SET search_path = app')
    expect(set && describeStatementProblem(set)).toMatch(/use SET LOCAL/)
    const lock = statementProblem('SELECT pg_advisory_lock(1)')
    expect(lock && describeStatementProblem(lock)).toMatch(/use pg_advisory_xact_lock/)
  })

  it.each([
    'SET LOCAL search_path = app',
    'SET LOCAL ROLE admin',
    'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE',
    'SET CONSTRAINTS ALL DEFERRED',
    'SELECT pg_advisory_xact_lock(42)',
    "SELECT set_config('app.user', $1, true)",
    "SELECT set_config('a', 'b', true), flag = false FROM t",
    "INSERT INTO log (note) VALUES ('SET ROLE admin; DISCARD ALL')",
    'UPDATE settings SET value = $1 WHERE name = $2',
    'INSERT INTO t SELECT * FROM "temp"',
    'CREATE TABLE temperatures (a int)',
    'CREATE UNLOGGED TABLE u (a int)',
    'NOTIFY jobs',
    'SELECT $$ pg_advisory_lock(1) $$',
    'PREPARE TRANSACTION should stay transaction control',
  ])('accepts %j', (sql) => {
    const problem = statementProblem(sql)
    expect(problem?.kind === 'session-state' ? problem : null).toBeNull()
  })
})
