/**
 * A plain-data copy for an export file with nothing password-like left in it:
 *
 * - a key that names a secret (password, passwordCommand, passfile, passphrase, pwd, secret,
 *   token, credential, api key, private key, cookie) is dropped, whatever its value, unless the
 *   value is a boolean (`passwordStored: true` tells a fact, not a secret);
 * - a string that is a whole connection string (a postgres:// URI, or key=value text with a
 *   password) goes through the one redaction function (profiles/redact.ts); a URI with a
 *   password inside longer text has that password masked; a PEM private key is masked;
 * - functions, symbols, getters and non-plain objects are not copied; cycles and nesting beyond
 *   16 levels are cut.
 */
import { isConnectionUri } from '../profiles/conninfo'
import { REDACTED, redactConnectionString } from '../profiles/redact'

const SECRET_KEY = /pass|pwd|secret|token|credential|api_?key|private_?key|cookie/i
const URI_PASSWORD = /(postgres(?:ql)?:\/\/[^\s:@/]*:)[^\s@/]*@/gi
const CONNINFO_PASSWORD = /(^|\s)(ssl)?password\s*=/i
const MAX_DEPTH = 16

export function isSecretLikeKey(key: string): boolean {
  return SECRET_KEY.test(key)
}

function cleanString(value: string): string {
  if (value.includes('PRIVATE KEY-----')) return REDACTED
  const trimmed = value.trim()
  if (isConnectionUri(trimmed) || CONNINFO_PASSWORD.test(trimmed)) {
    return redactConnectionString(trimmed)
  }
  return value.replace(URI_PASSWORD, `$1${REDACTED}@`)
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

function copy(value: unknown, depth: number, seen: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
      return cleanString(value)
    case 'number':
      return Number.isFinite(value) ? value : null
    case 'boolean':
      return value
    case 'bigint':
      return value.toString()
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined
  }
  if (value === null) return null
  const obj = value as object
  if (seen.has(obj)) return '[circular]'
  if (depth >= MAX_DEPTH) return '[too deep]'
  seen.add(obj)
  try {
    if (Array.isArray(obj)) {
      const list: unknown[] = []
      for (let i = 0; i < obj.length; i++) {
        const d = Object.getOwnPropertyDescriptor(obj, i)
        list.push(d !== undefined && 'value' in d ? (copy(d.value, depth + 1, seen) ?? null) : null)
      }
      return list
    }
    if (!isPlain(obj)) return '[non-plain value]'
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(obj)) {
      const d = Object.getOwnPropertyDescriptor(obj, key)
      if (d === undefined || !('value' in d)) continue // accessors are never invoked
      if (isSecretLikeKey(key) && typeof d.value !== 'boolean') continue
      const v = copy(d.value, depth + 1, seen)
      if (v === undefined) continue
      Object.defineProperty(out, key, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  } finally {
    seen.delete(obj)
  }
}

/** A secret-free plain-data copy of `value` (see the file comment); the input is untouched. */
export function withoutSecrets(value: unknown): unknown {
  return copy(value, 0, new Set())
}
