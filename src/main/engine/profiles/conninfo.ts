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
import { isIPv6 } from 'node:net'

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

function isKeywordChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch === '_'
}

function isKnownKeyword(key: string, extra?: ReadonlySet<string>): boolean {
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

// ---------------------------------------------------------------------------------------------
// URI
// ---------------------------------------------------------------------------------------------

const URI_PREFIXES = ['postgresql://', 'postgres://'] as const

/** libpq's test (uri_prefix_length): the string starts with one of the two prefixes. */
export function isConnectionUri(input: string): boolean {
  return URI_PREFIXES.some((p) => input.startsWith(p))
}

/**
 * Characters that may never appear raw in a URI (RFC 3986: they must be percent-encoded).
 * '#' is included: libpq URIs have no fragment.
 */
function isForbiddenUriChar(ch: string): boolean {
  const c = ch.codePointAt(0)!
  if (c <= 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) return true
  return '"<>\\^`{|}#'.includes(ch)
}

function isHex(ch: string | undefined): boolean {
  return (
    ch !== undefined &&
    ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))
  )
}

/** Percent-decodes one component; `%` must introduce two hex digits, `%00` is refused (libpq). */
function decodeComponent(part: string): ParseResult<string> {
  for (let i = 0; i < part.length; i++) {
    if (part[i] !== '%') continue
    if (!isHex(part[i + 1]) || !isHex(part[i + 2])) return fail('bad-percent-encoding')
    if (part[i + 1] === '0' && part[i + 2] === '0') return fail('bad-percent-encoding')
    i += 2
  }
  try {
    return { ok: true, value: decodeURIComponent(part) }
  } catch {
    // Invalid UTF-8 after decoding. The URIError carries no input, but say nothing anyway.
    return fail('bad-percent-encoding')
  }
}

function isDigits(s: string): boolean {
  for (const ch of s) if (ch < '0' || ch > '9') return false
  return true
}

function parsePort(raw: string): ParseResult<string> {
  if (raw.length > 5 || !isDigits(raw)) return fail('bad-port')
  if (raw !== '' && Number(raw) > 65535) return fail('bad-port')
  return { ok: true, value: raw }
}

function parseHostEntry(entry: string): ParseResult<UriHost> {
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']')
    if (close < 0) return fail('bad-host')
    const decoded = decodeComponent(entry.slice(1, close))
    if (!decoded.ok) return decoded
    if (!isIPv6(decoded.value)) return fail('bad-host')
    const rest = entry.slice(close + 1)
    if (rest !== '' && !rest.startsWith(':')) return fail('bad-host')
    const port = parsePort(rest.slice(1))
    if (!port.ok) return port
    return { ok: true, value: { host: decoded.value, port: port.value } }
  }
  const colon = entry.indexOf(':')
  const hostPart = colon < 0 ? entry : entry.slice(0, colon)
  const rest = colon < 0 ? '' : entry.slice(colon + 1)
  if (hostPart.includes('[') || hostPart.includes(']')) return fail('bad-host')
  const port = parsePort(rest)
  if (!port.ok) return port
  const decoded = decodeComponent(hostPart)
  if (!decoded.ok) return decoded
  return { ok: true, value: { host: decoded.value, port: port.value } }
}

/**
 * Parses `postgres[ql]://[user[:password]@][host[:port][,...]][/dbname][?key=value[&...]]`.
 *
 * Stricter than libpq: raw whitespace, control characters, `" < > \ ^ \` { | } #` are refused;
 * the string may hold at most one raw '@', and it must end the userinfo (before the first '/'
 * or '?'); `[`/`]` only bracket an IPv6 address; ports are 0-65535; every query item is
 * `known_keyword=value` with exactly one raw '='. Percent-encoding is decoded everywhere.
 */
export function parseConnectionUri(input: string): ParseResult<ConnectionUri> {
  if (typeof input !== 'string') return fail('not-a-string')
  const prefix = URI_PREFIXES.find((p) => input.startsWith(p))
  if (prefix === undefined) return fail('not-a-uri')
  const s = input.slice(prefix.length)
  let atIndex = -1
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (isForbiddenUriChar(ch)) return fail('forbidden-character')
    if (ch === '@') {
      if (atIndex >= 0) return fail('misplaced-at-sign')
      atIndex = i
    }
  }

  let authorityEnd = s.length
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '/' || s[i] === '?') {
      authorityEnd = i
      break
    }
  }
  if (atIndex > authorityEnd) return fail('misplaced-at-sign')
  const authority = s.slice(0, authorityEnd)
  const tail = s.slice(authorityEnd)

  let user: string | undefined
  let password: string | undefined
  let hostspec = authority
  if (atIndex >= 0) {
    const userinfo = authority.slice(0, atIndex)
    hostspec = authority.slice(atIndex + 1)
    if (userinfo.includes('[') || userinfo.includes(']')) return fail('forbidden-character')
    const colon = userinfo.indexOf(':')
    const u = decodeComponent(colon < 0 ? userinfo : userinfo.slice(0, colon))
    if (!u.ok) return u
    user = u.value
    if (colon >= 0) {
      const p = decodeComponent(userinfo.slice(colon + 1))
      if (!p.ok) return p
      password = p.value
    }
  }

  const hosts: UriHost[] = []
  if (hostspec !== '') {
    for (const entry of hostspec.split(',')) {
      const h = parseHostEntry(entry)
      if (!h.ok) return h
      hosts.push(h.value)
    }
  }

  let dbname: string | undefined
  let query: string | undefined
  if (tail.startsWith('/')) {
    const q = tail.indexOf('?')
    const path = q < 0 ? tail.slice(1) : tail.slice(1, q)
    if (path.includes('[') || path.includes(']')) return fail('forbidden-character')
    const d = decodeComponent(path)
    if (!d.ok) return d
    dbname = d.value
    query = q < 0 ? undefined : tail.slice(q + 1)
  } else if (tail.startsWith('?')) {
    query = tail.slice(1)
  }

  const params: ConninfoPair[] = []
  if (query !== undefined && query !== '') {
    for (const item of query.split('&')) {
      const eq = item.indexOf('=')
      if (eq <= 0 || item.indexOf('=', eq + 1) >= 0) return fail('bad-query')
      if (item.includes('[') || item.includes(']')) return fail('forbidden-character')
      const k = decodeComponent(item.slice(0, eq))
      if (!k.ok) return k
      for (const ch of k.value) if (!isKeywordChar(ch)) return fail('unknown-keyword')
      if (!isKnownKeyword(k.value, NODE_PG_URI_KEYWORDS)) return fail('unknown-keyword')
      const v = decodeComponent(item.slice(eq + 1))
      if (!v.ok) return v
      params.push({ key: k.value, value: v.value })
    }
  }

  return { ok: true, value: { user, password, hosts, dbname, params } }
}

function encodeHost(host: string): string {
  if (isIPv6(host)) return `[${host.replaceAll('%', '%25')}]`
  return encodeURIComponent(host)
}

/** Canonical form: scheme `postgresql://`, every component percent-encoded. */
export function serialiseConnectionUri(uri: ConnectionUri): string {
  let out = 'postgresql://'
  if (uri.password !== undefined) {
    out += `${encodeURIComponent(uri.user ?? '')}:${encodeURIComponent(uri.password)}@`
  } else if (uri.user !== undefined && uri.user !== '') {
    out += `${encodeURIComponent(uri.user)}@`
  }
  out += uri.hosts
    .map((h) => (h.port === '' ? encodeHost(h.host) : `${encodeHost(h.host)}:${h.port}`))
    .join(',')
  if (uri.dbname !== undefined) out += `/${encodeURIComponent(uri.dbname)}`
  if (uri.params.length > 0) {
    out += `?${uri.params.map((p) => `${p.key}=${encodeURIComponent(p.value)}`).join('&')}`
  }
  return out
}
