/**
 * Statements that would change the pooled connection's session beyond the transaction a queued
 * operation runs in. A pooled connection is shared: the next caller (a probe, the load lab, another
 * profile's replay) would inherit a role, a setting, a temporary table, a prepared statement, an
 * open cursor, a LISTEN or a session-level advisory lock it never asked for. So they are refused
 * before they are queued (or run at once), with what to use instead where there is something.
 *
 * Input: the statement's tokens in order, as statement-rules.ts's lexer finds them: words
 * (keywords and identifiers outside quotes and comments, lower-cased) and the punctuation `(`,
 * `)`, `,`. Functions are matched by name anywhere in the statement (set_config(..., false) and
 * the session-level advisory locks).
 */

export interface SessionStateProblem {
  /** What it is, for the message ("SET without LOCAL", "a temporary table" ...). */
  what: string
  /** What to do instead, when there is something. */
  instead: string | null
}

/** Session-level advisory locks: kept by the pooled connection after the transaction ends. */
const sessionAdvisoryLocks = new Set([
  'pg_advisory_lock',
  'pg_advisory_lock_shared',
  'pg_try_advisory_lock',
  'pg_try_advisory_lock_shared',
])

const cursorCommands = new Set(['declare', 'fetch', 'move', 'close'])

export function sessionStateProblem(words: readonly string[]): SessionStateProblem | null {
  const [first, second] = words
  switch (first) {
    case 'set':
      // SET LOCAL ..., SET TRANSACTION ..., SET CONSTRAINTS ... end with the transaction.
      if (second === 'local' || second === 'transaction' || second === 'constraints') break
      if (second === 'role')
        return { what: 'SET ROLE', instead: 'SET LOCAL ROLE (it ends with the transaction)' }
      if (second === 'session' && words[2] === 'authorization')
        return { what: 'SET SESSION AUTHORIZATION', instead: 'SET LOCAL SESSION AUTHORIZATION' }
      return {
        what: 'SET without LOCAL',
        instead: 'SET LOCAL (it ends with the transaction)',
      }
    case 'reset':
      return { what: 'RESET', instead: null }
    case 'discard':
      return { what: 'DISCARD', instead: null }
    case 'listen':
    case 'unlisten':
      return { what: first.toUpperCase(), instead: null }
    case 'prepare':
      // PREPARE TRANSACTION is transaction control (statement-rules.ts).
      if (second === 'transaction') break
      return {
        what: 'PREPARE (a prepared statement lives on in the session)',
        instead: 'the statement itself with $n parameters',
      }
    case 'deallocate':
    case 'execute':
      return {
        what: `${first.toUpperCase()} (prepared statements belong to one session)`,
        instead: 'the statement itself with $n parameters',
      }
    case 'load':
      return { what: 'LOAD (it loads a library into the session)', instead: null }
    case 'create':
      if (isTemporaryCreate(words)) return { what: 'a temporary object', instead: null }
      break
  }
  if (first !== undefined && cursorCommands.has(first))
    return { what: 'a cursor (DECLARE, FETCH, MOVE, CLOSE)', instead: null }
  if (words.some((w) => sessionAdvisoryLocks.has(w)))
    return {
      what: 'a session-level advisory lock',
      instead: 'pg_advisory_xact_lock (released with the transaction)',
    }
  if (usesSessionSetConfig(words))
    return {
      what: 'set_config(..., false) (a session-wide setting)',
      instead: 'set_config(..., true)',
    }
  if (first === 'select' && selectsIntoTemporary(words))
    return { what: 'SELECT INTO a temporary table', instead: null }
  return null
}

/** CREATE [OR REPLACE] [GLOBAL | LOCAL] TEMP | TEMPORARY TABLE / VIEW / SEQUENCE ... */
function isTemporaryCreate(words: readonly string[]): boolean {
  for (const w of words.slice(1, 6)) {
    if (w === 'temp' || w === 'temporary') return true
    if (w === 'table' || w === 'view' || w === 'sequence' || w === 'function') return false
  }
  return false
}

/** SELECT ... INTO [TEMP | TEMPORARY] name. */
function selectsIntoTemporary(words: readonly string[]): boolean {
  for (let i = 1; i + 1 < words.length; i++)
    if (words[i] === 'into' && (words[i + 1] === 'temp' || words[i + 1] === 'temporary'))
      return true
  return false
}

/**
 * set_config(name, value, is_local) whose third argument is the literal `false` (the usual way to
 * write it). A computed or bound third argument is not recognised: a known limit of a lexer.
 */
function usesSessionSetConfig(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== 'set_config' || tokens[i + 1] !== '(') continue
    const args: string[][] = [[]]
    for (let j = i + 2, depth = 1; j < tokens.length && depth > 0; j++) {
      const t = tokens[j]!
      if (t === '(') depth++
      else if (t === ')') depth--
      if (depth === 0) break
      if (depth === 1 && t === ',') args.push([])
      else args[args.length - 1]!.push(t)
    }
    const third = args[2]
    if (third?.length === 1 && third[0] === 'false') return true
  }
  return false
}
