import { describe, expect, it } from 'vitest'
import { statementProblem } from '../../../../src/main/engine/queue/statement-rules'

describe('what a queued statement may be', () => {
  it.each([
    'INSERT INTO t VALUES ($1)',
    "UPDATE t SET note = 'a; COMMIT; b' WHERE id = $1",
    'INSERT INTO t VALUES ($1);',
    'INSERT INTO t VALUES ($1); -- trailing comment',
    'INSERT INTO t VALUES ($1); /* a; b */ ;',
    'SELECT $$; COMMIT; $$',
    "SELECT $body$ it's; $body$",
    "SELECT E'\\'; COMMIT'",
    'SELECT "odd;name" FROM t',
    '/* nested /* comment; */ still */ DELETE FROM t',
    '-- a note\nDELETE FROM t',
    'WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x',
    '(SELECT 1)',
    'CALL do_work($1)',
  ])('accepts %j', (sql) => {
    expect(statementProblem(sql)).toBeNull()
  })

  it.each([
    ['COMMIT', 'transaction-control'],
    ['  commit;', 'transaction-control'],
    ['/* x */ ROLLBACK', 'transaction-control'],
    ['BEGIN', 'transaction-control'],
    ['START TRANSACTION', 'transaction-control'],
    ['END', 'transaction-control'],
    ['ABORT', 'transaction-control'],
    ['SAVEPOINT a', 'transaction-control'],
    ['RELEASE SAVEPOINT a', 'transaction-control'],
    ["PREPARE TRANSACTION 'x'", 'transaction-control'],
    ['INSERT INTO t VALUES (1); COMMIT', 'several-statements'],
    ['INSERT INTO t VALUES (1);DELETE FROM t', 'several-statements'],
    ["SELECT 'a'; SELECT 'b'", 'several-statements'],
    ['   ', 'empty'],
    ['-- only a comment', 'empty'],
    [';', 'empty'],
    ["SELECT 'unterminated", 'unterminated'],
    ['SELECT $x$ never closed', 'unterminated'],
    ['/* never closed', 'unterminated'],
  ])('refuses %j (%s)', (sql, kind) => {
    expect(statementProblem(sql)?.kind).toBe(kind)
  })
})
