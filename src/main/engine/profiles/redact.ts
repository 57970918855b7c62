/**
 * The one redaction function (issue 7 item 4, reliability G.33): everything that shows or logs a
 * connection string or connection parameters goes through here.
 *
 * - The output is rebuilt from a parsed form (conninfo.ts), never produced by a regex over the
 *   raw text. Input that does not parse, that is not a string, or that is over 8 KiB becomes the
 *   fixed placeholder; no part of it is ever echoed (node-postgres #3145: a bad connection string
 *   ending up in an error's `input` field).
 * - Secret values are replaced by a fixed mask whatever their content, including the empty
 *   string, so the mask reveals neither length nor emptiness. Secrets are the fields libpq itself
 *   hides (dispchar "*" or "D"): password, sslpassword, oauth_client_secret, scram_client_key,
 *   scram_server_key; for parameter objects also PGPASSWORD and node-postgres's inline TLS
 *   material (ssl.key, ssl.pfx, ssl.passphrase).
 * - passfile, sslkey, sslcert, sslrootcert are file paths in libpq (sslkey may also name an
 *   engine key); they are shown. Defensively, any string value holding a PEM private key is
 *   masked wherever it appears.
 * - A dbname that is itself a connection string (libpq's expand_dbname test: a URI prefix or an
 *   '=') is redacted recursively.
 */
import {
  isConnectionUri,
  parseConnectionUri,
  parseConninfo,
  serialiseConninfo,
  serialiseConnectionUri,
  type ConninfoPair,
} from './conninfo'

export const REDACTED = '********'
export const UNPARSEABLE = '[unparseable connection string]'
/** Inputs longer than this many UTF-8 bytes are not parsed at all. */
export const MAX_CONNECTION_STRING_BYTES = 8 * 1024

/** Secret keywords of a connection string (libpq spelling, matched case-insensitively). */
const SECRET_CONNECTION_KEYS: ReadonlySet<string> = new Set([
  'password',
  'sslpassword',
  'oauth_client_secret',
  'scram_client_key',
  'scram_server_key',
])

/** Secret keys of a parameter object, beyond the connection keywords (case-insensitive). */
const SECRET_PARAM_KEYS: ReadonlySet<string> = new Set([
  ...SECRET_CONNECTION_KEYS,
  'pgpassword',
  'pgsslpassword',
  'passphrase',
])

/** Keys that hold inline private material inside a node-postgres `ssl` object. */
const SECRET_SSL_KEYS: ReadonlySet<string> = new Set(['key', 'pfx', 'passphrase'])

/** Parameter keys whose string value is a whole connection string. */
const CONNECTION_STRING_KEYS: ReadonlySet<string> = new Set([
  'connectionstring',
  'connection_string',
  'dsn',
])

const MAX_PARAM_DEPTH = 8

/** True for a key whose value must never be shown (case-insensitive). */
export function isSecretKey(key: string): boolean {
  return SECRET_PARAM_KEYS.has(key.toLowerCase())
}

function looksLikeConnectionString(value: string): boolean {
  return isConnectionUri(value) || value.includes('=')
}

function holdsPrivateKey(value: string): boolean {
  return value.includes('PRIVATE KEY-----')
}

function redactPairValue(pair: ConninfoPair): ConninfoPair {
  const key = pair.key.toLowerCase()
  if (SECRET_CONNECTION_KEYS.has(key) || holdsPrivateKey(pair.value)) {
    return { key: pair.key, value: REDACTED }
  }
  if (key === 'dbname' && looksLikeConnectionString(pair.value)) {
    return { key: pair.key, value: redactConnectionString(pair.value) }
  }
  return pair
}

function redactParsed(input: string): string | undefined {
  if (isConnectionUri(input)) {
    const parsed = parseConnectionUri(input)
    if (!parsed.ok) return undefined
    const uri = parsed.value
    let dbname = uri.dbname
    if (dbname !== undefined) {
      dbname = redactPairValue({ key: 'dbname', value: dbname }).value
    }
    return serialiseConnectionUri({
      user: uri.user,
      password: uri.password === undefined ? undefined : REDACTED,
      hosts: uri.hosts,
      dbname,
      params: uri.params.map(redactPairValue),
    })
  }
  const parsed = parseConninfo(input)
  if (!parsed.ok) return undefined
  return serialiseConninfo(parsed.value.map(redactPairValue))
}

/**
 * A connection string for display: the canonical re-serialisation of `input` with every secret
 * replaced by `********`, or exactly `[unparseable connection string]` when `input` is not a
 * string, is over 8 KiB, or is not a valid libpq URI or key=value string.
 *
 * Accepts `unknown` so an error's `input` field or any caught value can be passed as is.
 */
export function redactConnectionString(input: unknown): string {
  if (typeof input !== 'string') return UNPARSEABLE
  if (Buffer.byteLength(input, 'utf8') > MAX_CONNECTION_STRING_BYTES) return UNPARSEABLE
  try {
    return redactParsed(input.trim()) ?? UNPARSEABLE
  } catch {
    // e.g. a lone surrogate that encodeURIComponent refuses; never rethrow (the error could
    // be logged with the input attached).
    return UNPARSEABLE
  }
}

const OMIT = Symbol('omit')

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

function redactString(key: string, value: string): string {
  if (holdsPrivateKey(value)) return REDACTED
  const lower = key.toLowerCase()
  if (CONNECTION_STRING_KEYS.has(lower)) return redactConnectionString(value)
  if (lower === 'dbname' && looksLikeConnectionString(value)) return redactConnectionString(value)
  return value
}

function copyValue(
  key: string,
  value: unknown,
  depth: number,
  seen: Set<object>,
): unknown | typeof OMIT {
  switch (typeof value) {
    case 'string':
      return redactString(key, value)
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return value
    case 'function':
    case 'symbol':
      return OMIT
  }
  if (value === null) return null
  const obj = value as object
  if (seen.has(obj)) return '[circular]'
  if (depth >= MAX_PARAM_DEPTH) return '[too deep]'
  if (Array.isArray(obj)) {
    seen.add(obj)
    const out: unknown[] = []
    for (let i = 0; i < obj.length; i++) {
      const d = Object.getOwnPropertyDescriptor(obj, i)
      const v = d && 'value' in d ? copyValue(key, d.value, depth + 1, seen) : OMIT
      out.push(v === OMIT ? undefined : v)
    }
    seen.delete(obj)
    return out
  }
  if (!isPlainObject(obj)) return '[non-plain value]'
  seen.add(obj)
  const out = copyObject(obj, depth + 1, seen, key.toLowerCase() === 'ssl')
  seen.delete(obj)
  return out
}

function copyObject(
  source: object,
  depth: number,
  seen: Set<object>,
  isSslObject: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(source)) {
    let result: unknown
    try {
      const d = Object.getOwnPropertyDescriptor(source, key)
      if (d === undefined) continue
      const lower = key.toLowerCase()
      const secret = SECRET_PARAM_KEYS.has(lower) || (isSslObject && SECRET_SSL_KEYS.has(lower))
      if (secret) {
        // Never call a getter or a password function; a value that means "not set" stays so.
        if ('value' in d && (d.value === undefined || d.value === null)) result = d.value
        else result = REDACTED
      } else if (!('value' in d)) {
        continue // accessor: not invoked, not copied
      } else {
        result = copyValue(key, d.value, depth, seen)
        if (result === OMIT) continue
      }
    } catch {
      continue // a hostile proxy; drop the property
    }
    // defineProperty, not assignment: an own "__proto__" key must stay plain data.
    Object.defineProperty(out, key, {
      value: result,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

/**
 * A plain-data copy of connection parameters for display or logging, the input untouched:
 * secret keys (case-insensitive: password, sslpassword, PGPASSWORD, ...; ssl.key/pfx/passphrase)
 * are `********`; connectionString/dsn values and connection-string dbnames go through
 * redactConnectionString; functions, symbols and getters are never called or copied (a secret
 * key holding one is shown as the mask); non-plain objects become a marker string; cycles and
 * nesting beyond 8 levels are cut. Only own enumerable string keys are copied.
 */
export function redactParams(params: object): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return {}
  try {
    return copyObject(params, 0, new Set([params]), false)
  } catch {
    return {}
  }
}
