/**
 * What a queued statement may be. Replay runs each operation inside a transaction of its own
 * (together with its id in lifeguard.applied_operations, and possibly with the operations next to
 * it in a batch), so a statement must be ONE statement and must not end, start or split that
 * transaction: COMMIT / ROLLBACK / BEGIN / SAVEPOINT ... in a queued statement would commit half a
 * batch, or record ids of statements that never ran. node-postgres sends a statement without
 * parameters over the simple protocol, which would run several statements separated by `;`, so
 * that is refused here too. (Procedures and DO blocks cannot end a transaction they are called in:
 * the server refuses that itself with 2D000.)
 *
 * A statement must not change the pooled connection's session beyond that transaction either
 * (SET without LOCAL, SET ROLE, DISCARD, LISTEN, PREPARE, cursors, temporary tables ...): the
 * connection is shared and reused. session-state-rules.ts has that list.
 *
 * A small lexer, not a parser: it skips whitespace, comments (-- and nested block comments),
 * quoted strings ('...', E'...', "identifiers", $tag$ dollar quotes $tag$), and finds the words
 * (keywords and identifiers, lower-cased), the punctuation `(`, `)` and `,` between them, and any
 * `;` followed by more than whitespace or comments.
 */
import { sessionStateProblem } from './session-state-rules'

const transactionControl = new Set([
  'begin',
  'start',
  'commit',
  'end',
  'rollback',
  'abort',
  'savepoint',
  'release',
  'prepare',
])

export type StatementProblem =
  | { kind: 'empty' }
  | { kind: 'several-statements' }
  | { kind: 'transaction-control'; keyword: string }
  | { kind: 'unterminated'; what: string }
  | { kind: 'session-state'; what: string; instead: string | null }

/** Null when the statement may be queued; else why not. */
export function statementProblem(sql: string): StatementProblem | null {
  const lexed = lex(sql)
  if ('unterminated' in lexed) return { kind: 'unterminated', what: lexed.unterminated }
  if (lexed.firstWord === null) return { kind: 'empty' }
  if (lexed.afterSemicolon) return { kind: 'several-statements' }
  const keyword = lexed.firstWord.toLowerCase()
  // PREPARE name AS ... is a plain statement; only PREPARE TRANSACTION ends the transaction.
  const isPrepareStatement = keyword === 'prepare' && lexed.secondWord !== 'transaction'
  if (transactionControl.has(keyword) && !isPrepareStatement)
    return { kind: 'transaction-control', keyword }
  const session = sessionStateProblem(lexed.tokens)
  if (session) return { kind: 'session-state', ...session }
  return null
}

export function describeStatementProblem(problem: StatementProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'the statement is empty'
    case 'several-statements':
      return 'only one statement can be queued at a time (found more after a ";")'
    case 'transaction-control':
      return `${problem.keyword.toUpperCase()} cannot be queued: replay runs every operation in a transaction of its own`
    case 'unterminated':
      return `the statement has an unterminated ${problem.what}`
    case 'session-state':
      return `${problem.what} cannot be queued: it would change the pooled connection's session beyond the transaction, and the connection is shared${problem.instead ? `; use ${problem.instead} instead` : ''}`
  }
}

interface Lexed {
  firstWord: string | null
  secondWord: string | null
  /** Words (lower-cased) and the punctuation `(`, `)`, `,` in order; '' for anything else. */
  tokens: string[]
  /** Something other than whitespace, comments or `;` follows a `;`. */
  afterSemicolon: boolean
}

function lex(sql: string): Lexed | { unterminated: string } {
  const words: string[] = []
  const tokens: string[] = []
  let sawSemicolon = false
  let afterSemicolon = false
  let i = 0
  const n = sql.length
  const seeToken = () => {
    if (sawSemicolon) afterSemicolon = true
  }
  while (i < n) {
    const c = sql[i]!
    const next = sql[i + 1]
    if (/\s/.test(c)) {
      i++
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i)
      i = end < 0 ? n : end + 1
    } else if (c === '/' && next === '*') {
      let depth = 1
      i += 2
      while (i < n && depth > 0) {
        const pair = sql.slice(i, i + 2)
        if (pair === '/*' || pair === '*/') {
          depth += pair === '/*' ? 1 : -1
          i += 2
        } else i++
      }
      if (depth > 0) return { unterminated: 'comment' }
    } else if (c === ';') {
      sawSemicolon = true
      i++
    } else if (c === "'" || ((c === 'e' || c === 'E') && next === "'")) {
      seeToken()
      tokens.push("'")
      const escapes = c !== "'"
      i = skipQuoted(sql, escapes ? i + 2 : i + 1, "'", escapes)
      if (i < 0) return { unterminated: 'string' }
    } else if (c === '"') {
      seeToken()
      const end = skipQuoted(sql, i + 1, '"', false)
      if (end < 0) return { unterminated: 'quoted identifier' }
      tokens.push(sql.slice(i + 1, end - 1).replaceAll('""', '"'))
      i = end
    } else if (c === '$') {
      seeToken()
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i))
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length)
        if (end < 0) return { unterminated: 'dollar-quoted string' }
        tokens.push("'")
        i = end + tag[0].length
      } else {
        tokens.push('$') // a parameter ($1) or an operator
        i++
      }
    } else if (/[A-Za-z_]/.test(c)) {
      seeToken()
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))![0]
      if (words.length < 2) words.push(word.toLowerCase())
      tokens.push(word.toLowerCase())
      i += word.length
    } else {
      seeToken()
      if (words.length === 0) words.push('')
      tokens.push(c === '(' || c === ')' || c === ',' ? c : '')
      i++
    }
  }
  const firstWord = words[0] ?? null
  return { firstWord, secondWord: words[1] ?? null, tokens, afterSemicolon }
}

/** Index just past the closing quote, or -1. A doubled quote is an escaped quote. */
function skipQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from
  while (i < sql.length) {
    const c = sql[i]
    if (backslashEscapes && c === '\\') i += 2
    else if (c === quote) {
      if (sql[i + 1] === quote) i += 2
      else return i + 1
    } else i++
  }
  return -1
}
