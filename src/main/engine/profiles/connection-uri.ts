/**
 * The postgres:// and postgresql:// URI form of a libpq connection string: a strict parser and a
 * canonical serialiser (see conninfo.ts for why strict, and for the key=value form).
 */
import { isIPv6 } from 'node:net'
import {
  isKnownKeyword,
  NODE_PG_URI_KEYWORDS,
  type ConnectionUri,
  type ConninfoPair,
  type ParseFailure,
  type ParseResult,
  type UriHost,
} from './conninfo'

const fail = <T>(reason: ParseFailure): ParseResult<T> => ({ ok: false, reason })

function isKeywordChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch === '_'
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
