/**
 * Strict parsers and canonical serialisers for the two libpq connection-string forms:
 * key=value conninfo strings and postgres:// / postgresql:// URIs.
 *
 * They exist for redaction (redact.ts): the redacted text is rebuilt from the parsed form, so the
 * parsers reject anything ambiguous instead of guessing. Failures carry only a fixed reason code,
 * never any part of the input.
 *
 * Why not pg-connection-string's `parse`: it resolves any non-URI text against
 * `postgres://base`, so garbage "parses" (`'hello world password=secret'` becomes a database
 * name, password included); it rewrites its input with encodeURI before parsing; it reads
 * sslcert/sslkey/sslrootcert files from disk and may emit a process warning while parsing; and it
 * has no multi-host support. WHATWG `URL` alone cannot parse `postgresql://h1:1,h2:2/db` either.
 * So the URI grammar below is libpq's (conninfo_uri_parse_options), tightened: characters that
 * must be percent-encoded are rejected rather than interpreted, so a raw password containing a
 * delimiter makes the whole string unparseable instead of spilling into the host or database.
 */

/** libpq connection keywords (PostgreSQL 18, PQconninfoOptions). */
export const LIBPQ_KEYWORDS: ReadonlySet<string> = new Set([
  'service',
  'user',
  'password',
  'passfile',
  'channel_binding',
  'connect_timeout',
  'dbname',
  'host',
  'hostaddr',
  'port',
  'client_encoding',
  'options',
  'application_name',
  'fallback_application_name',
  'keepalives',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'tcp_user_timeout',
  'sslmode',
  'sslnegotiation',
  'sslcompression',
  'sslcert',
  'sslkey',
  'sslcertmode',
  'sslpassword',
  'sslrootcert',
  'sslcrl',
  'sslcrldir',
  'sslsni',
  'requirepeer',
  'require_auth',
  'min_protocol_version',
  'max_protocol_version',
  'ssl_min_protocol_version',
  'ssl_max_protocol_version',
  'gssencmode',
  'krbsrvname',
  'gsslib',
  'gssdelegation',
  'replication',
  'target_session_attrs',
  'load_balance_hosts',
  'scram_client_key',
  'scram_server_key',
  'oauth_issuer',
  'oauth_client_id',
  'oauth_client_secret',
  'oauth_scope',
])

/**
 * Query parameters node-postgres understands in a URI besides libpq's keywords (`ssl` is also
 * libpq's JDBC-compatibility spelling).
 */
export const NODE_PG_URI_KEYWORDS: ReadonlySet<string> = new Set(['ssl', 'uselibpqcompat'])

export type ParseFailure =
  | 'not-a-string'
  | 'nul-character'
  | 'missing-equals'
  | 'empty-keyword'
  | 'unknown-keyword'
  | 'unterminated-quote'
  | 'ambiguous-value'
  | 'not-a-uri'
  | 'forbidden-character'
  | 'bad-percent-encoding'
  | 'misplaced-at-sign'
  | 'bad-host'
  | 'bad-port'
  | 'bad-query'

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure }

export interface ConninfoPair {
  key: string
  value: string
}

export interface UriHost {
  /** Decoded host: a name, an IP address (IPv6 without brackets) or a socket directory. */
  host: string
  /** Digits only; '' when the URI gives none. */
  port: string
}

export interface ConnectionUri {
  /** Present when the URI has a userinfo part (may be ''). */
  user: string | undefined
  /** Present when the userinfo part has a ':' (may be ''). */
  password: string | undefined
  /** One entry per comma-separated host; empty when the URI has no hostspec. */
  hosts: UriHost[]
  /** Decoded path after the first '/'; undefined when there is no '/'. */
  dbname: string | undefined
  /** Decoded query parameters, in order. */
  params: ConninfoPair[]
}

const fail = <T>(reason: ParseFailure): ParseResult<T> => ({ ok: false, reason })

/** C isspace() in the "C" locale: what libpq treats as a separator. */
function isLibpqSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r'
}

/** A libpq keyword, or one of `extra` (used by the URI parser too, connection-uri.ts). */
export function isKnownKeyword(key: string, extra?: ReadonlySet<string>): boolean {
  return LIBPQ_KEYWORDS.has(key) || (extra?.has(key) ?? false)
}

// ---------------------------------------------------------------------------------------------
// key=value conninfo
// ---------------------------------------------------------------------------------------------

/**
 * Parses a libpq key=value string exactly as libpq's conninfo_parse does: whitespace around keys
 * and after '=' is skipped; an unquoted value runs to the next whitespace and `\x` stands for x;
 * a single-quoted value runs to the closing quote with `\'` and `\\` (any `\x`) escapes.
 * Unknown keywords are rejected, as libpq rejects them, so a mistyped `pasword=...` is never
 * shown. Stricter than libpq: NUL characters are refused, and so is an unquoted value that
 * follows blanks after '=' and contains '=' (`port= password=x`, see below).
 */
export function parseConninfo(input: string): ParseResult<ConninfoPair[]> {
  if (typeof input !== 'string') return fail('not-a-string')
  if (input.includes('\0')) return fail('nul-character')
  const pairs: ConninfoPair[] = []
  const n = input.length
  let i = 0
  for (;;) {
    while (i < n && isLibpqSpace(input[i]!)) i++
    if (i >= n) break

    const keyStart = i
    while (i < n && input[i] !== '=' && !isLibpqSpace(input[i]!)) i++
    const key = input.slice(keyStart, i)
    while (i < n && isLibpqSpace(input[i]!)) i++
    if (input[i] !== '=') return fail('missing-equals')
    i++
    if (key === '') return fail('empty-keyword')
    if (!isKnownKeyword(key)) return fail('unknown-keyword')

    const valueStart = i
    while (i < n && isLibpqSpace(input[i]!)) i++
    const blankAfterEquals = i > valueStart
    let value = ''
    if (input[i] === "'") {
      i++
      for (;;) {
        if (i >= n) return fail('unterminated-quote')
        const ch = input[i]!
        if (ch === '\\') {
          i++
          if (i < n) value += input[i++]
          continue
        }
        if (ch === "'") {
          i++
          break
        }
        value += ch
        i++
      }
    } else {
      while (i < n) {
        const ch = input[i]!
        if (isLibpqSpace(ch)) {
          i++
          break
        }
        if (ch === '\\') {
          i++
          if (i < n) value += input[i++]
        } else {
          value += ch
          i++
        }
      }
      // `port= password=x`: libpq reads "password=x" as the port. That is nearly always an empty
      // value written unquoted, and showing it would put the next (secret) value in a non-secret
      // field, so refuse it. A spaced `key = value` without a second '=' is still accepted.
      if (blankAfterEquals && value.includes('=')) return fail('ambiguous-value')
    }
    pairs.push({ key, value })
  }
  return { ok: true, value: pairs }
}

function needsQuoting(value: string): boolean {
  if (value === '') return true
  for (const ch of value) {
    if (ch === "'" || ch === '\\' || isLibpqSpace(ch) || ch.trim() === '') return true
  }
  return false
}

/** A value written so libpq reads it back unchanged: bare when safe, else single-quoted. */
export function formatConninfoValue(value: string): string {
  if (!needsQuoting(value)) return value
  let out = "'"
  for (const ch of value) out += ch === "'" || ch === '\\' ? `\\${ch}` : ch
  return `${out}'`
}

export function serialiseConninfo(pairs: readonly ConninfoPair[]): string {
  return pairs.map((p) => `${p.key}=${formatConninfoValue(p.value)}`).join(' ')
}

export { isConnectionUri, parseConnectionUri, serialiseConnectionUri } from './connection-uri'
