/**
 * A .pgpass entry and libpq's lookup over a list of them (fe-connect.c: passwordFromFile, and
 * its caller in pqConnectOptions2).
 *
 * The password lives in a private class field: it is not an own enumerable property, so
 * JSON.stringify, structuredClone, Object.entries, spreading and util.inspect never see it.
 * Only `password()` returns it, for main-process code that is about to connect.
 */
import { inspect } from 'node:util'
import type { PgpassField } from './pgpass-line'

/** PostgreSQL's compiled-in default socket directory (pg_config_manual.h, DEFAULT_PGSOCKET_DIR).
 * Distributions change it (Debian and Ubuntu use /var/run/postgresql): pass theirs when known. */
export const DEFAULT_SOCKET_DIR = '/tmp'
/** libpq's DEF_PGPORT. */
export const DEFAULT_PORT = 5432

export class PgpassEntry {
  /** 1-based line in the file. */
  readonly line: number
  /** null: the field is `*` and matches anything. */
  readonly host: PgpassField
  readonly port: PgpassField
  readonly database: PgpassField
  readonly user: PgpassField
  readonly #password: string

  constructor(
    line: number,
    fields: readonly [PgpassField, PgpassField, PgpassField, PgpassField],
    password: string,
  ) {
    this.line = line
    ;[this.host, this.port, this.database, this.user] = fields
    this.#password = password
    Object.freeze(this)
  }

  /** The secret. Main process only; never put it in anything shown, logged or sent. */
  password(): string {
    return this.#password
  }

  get hasWildcardHostOrUser(): boolean {
    return this.host === null || this.user === null
  }

  /** libpq's per-line test: every field is `*` or equal (case-sensitively) to the key. */
  matches(key: PgpassKey): boolean {
    return (
      fieldMatches(this.host, key.host) &&
      fieldMatches(this.port, key.port) &&
      fieldMatches(this.database, key.database) &&
      fieldMatches(this.user, key.user)
    )
  }

  /** True when every connection this entry matches is already matched by `earlier`. */
  isCoveredBy(earlier: PgpassEntry): boolean {
    return (
      covers(earlier.host, this.host) &&
      covers(earlier.port, this.port) &&
      covers(earlier.database, this.database) &&
      covers(earlier.user, this.user)
    )
  }

  toJSON(): Record<string, unknown> {
    return {
      line: this.line,
      host: this.host,
      port: this.port,
      database: this.database,
      user: this.user,
    }
  }

  [inspect.custom](): string {
    const show = (f: PgpassField): string => (f === null ? '*' : JSON.stringify(f))
    return `PgpassEntry(line ${this.line}: ${show(this.host)} ${show(this.port)} ${show(this.database)} ${show(this.user)}, password hidden)`
  }
}

function fieldMatches(field: PgpassField, value: string): boolean {
  return field === null || field === value
}

function covers(earlier: PgpassField, later: PgpassField): boolean {
  return earlier === null || earlier === later
}

/** The four values a line is compared with, after libpq's defaulting. */
export interface PgpassKey {
  host: string
  port: string
  database: string
  user: string
}

export interface PasswordTarget {
  /** Host name, IP address or socket directory; empty or absent means libpq's default. */
  host?: string
  /** Used as the host key when `host` is empty, as libpq does. */
  hostaddr?: string
  port?: number | string
  database: string
  user: string
}

export interface LookupDefaults {
  /** The socket directory libpq was built with; see DEFAULT_SOCKET_DIR. */
  socketDir?: string
  port?: number
}

/** libpq's is_unixsock_path: an absolute path, or '@' (Linux abstract namespace). */
function isUnixSocketPath(host: string): boolean {
  return host.startsWith('/') || host.startsWith('@') || /^[A-Za-z]:[\\/]/.test(host)
}

/**
 * The key libpq compares the file with, or null when libpq does not look at the file at all
 * (empty database or user name).
 *
 * `localhost` rule, from passwordFromFile: "'localhost' matches pghost of '' or the default socket
 * directory". libpq replaces an empty host, and a socket path equal (as a string, without
 * canonicalising) to DEFAULT_PGSOCKET_DIR, by "localhost" before comparing; so a file line
 * `localhost:...` serves both TCP connections to localhost and socket connections through the
 * default directory, while a line naming that directory literally does NOT match them. Any other
 * socket directory is compared literally.
 */
export function pgpassKey(target: PasswordTarget, defaults: LookupDefaults = {}): PgpassKey | null {
  if (!target.database || !target.user) return null
  let host = target.host || target.hostaddr || ''
  const socketDir = defaults.socketDir ?? DEFAULT_SOCKET_DIR
  if (host === '' || (isUnixSocketPath(host) && host === socketDir)) host = 'localhost'
  const port =
    target.port === undefined || target.port === ''
      ? String(defaults.port ?? DEFAULT_PORT)
      : String(target.port)
  return { host, port, database: target.database, user: target.user }
}

/** The first matching entry, as libpq takes it (first match wins, even an empty password). */
export function findPgpassEntry(
  entries: readonly PgpassEntry[],
  target: PasswordTarget,
  defaults: LookupDefaults = {},
): PgpassEntry | undefined {
  const key = pgpassKey(target, defaults)
  if (key === null) return undefined
  return entries.find((e) => e.matches(key))
}

/**
 * The password libpq would take from these entries for this connection, or undefined.
 * An empty string is returned when the first matching line has an empty password: libpq stops
 * there too, and then treats the connection as having no password.
 */
export function lookupPassword(
  entries: readonly PgpassEntry[],
  target: PasswordTarget,
  defaults: LookupDefaults = {},
): string | undefined {
  return findPgpassEntry(entries, target, defaults)?.password()
}
