/**
 * The libpq password file (.pgpass / pgpass.conf) for import (issue 7 item 2): read with libpq's
 * exact rules, offered as candidate profiles, and used to look passwords up.
 *
 * File rules (fe-connect.c, passwordFromFile; behaviour checked against libpq 15 and 18):
 * - location: see pgpass-location.ts;
 * - on POSIX a file that is not a regular file, or that has any group or world permission bit
 *   (mode & 0o077), is ignored entirely with a warning naming it and the required 0600, exactly
 *   when libpq ignores it. libpq tests the mode bits, not access(), so neither do we (running as
 *   root changes nothing). Windows has no such check;
 * - a missing file is not a problem (libpq is silent), unless the caller named it explicitly.
 * Line rules: see pgpass-line.ts. Lookup rules: see pgpass-entry.ts.
 *
 * Problems name the file and a line NUMBER only: no line content ever reaches a problem, since
 * any line may hold a password. Nothing is thrown; I/O failures become problems.
 */
import type { CandidateProfile, ImportProblem, ImportResult } from './candidate'
import {
  DEFAULT_PORT,
  findPgpassEntry,
  PgpassEntry,
  type LookupDefaults,
  type PgpassKey,
} from './pgpass-entry'
import { parsePgpassLine, type PgpassField } from './pgpass-line'
import { pgpassPath, type Environment } from './pgpass-location'
import { readTextFile, type TextLine } from './pgpass-text-file'

export {
  DEFAULT_PORT,
  DEFAULT_SOCKET_DIR,
  PgpassEntry,
  lookupPassword,
  findPgpassEntry,
  pgpassKey,
} from './pgpass-entry'
export type { LookupDefaults, PasswordTarget, PgpassKey } from './pgpass-entry'
export { pgpassPath } from './pgpass-location'

export type PgpassIgnoreReason =
  /** No passfile, no PGPASSFILE and no home directory (or APPDATA on Windows). */
  | 'no-location'
  | 'missing'
  | 'not-regular-file'
  | 'insecure-permissions'
  | 'too-large'
  | 'unreadable'

export interface PgpassReadResult {
  /** The file libpq would read, or null when there is none to look for. */
  path: string | null
  /** Entries in file order (first match wins). Empty when the file is ignored. */
  entries: PgpassEntry[]
  problems: ImportProblem[]
  /** Why the whole file was not used, or null when it was read. */
  ignored: PgpassIgnoreReason | null
}

export interface PgpassReadOptions {
  env: Environment
  homeDir: string | undefined
  /** The `passfile` connection parameter, which overrides PGPASSFILE and the default path. */
  passfile?: string
  /** Defaults to the running platform; only 'win32' changes anything. */
  platform?: NodeJS.Platform
}

const warning = (where: string, message: string): ImportProblem => ({
  severity: 'warning',
  where,
  message,
})

function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`
}

export async function readPgpass(options: PgpassReadOptions): Promise<PgpassReadResult> {
  const platform = options.platform ?? process.platform
  const path = pgpassPath({ ...options, platform })
  if (path === null) return { path, entries: [], problems: [], ignored: 'no-location' }
  const explicit = Boolean(options.passfile || options.env.PGPASSFILE)

  const file = await readTextFile(path, {
    platform,
    accept: (mode) => platform === 'win32' || (mode & 0o077) === 0,
  })
  const ignore = (ignored: PgpassIgnoreReason, problem?: ImportProblem): PgpassReadResult => ({
    path,
    entries: [],
    problems: problem ? [problem] : [],
    ignored,
  })
  switch (file.kind) {
    case 'missing':
      return ignore(
        'missing',
        explicit
          ? warning(path, `password file "${path}" does not exist; no passwords come from it`)
          : undefined,
      )
    case 'not-regular-file':
      return ignore(
        'not-regular-file',
        warning(path, `password file "${path}" is not a plain file; it is ignored, as libpq does`),
      )
    case 'rejected':
      return ignore(
        'insecure-permissions',
        warning(
          path,
          `password file "${path}" has group or world access (mode ${octal(file.mode)}); ` +
            'permissions should be u=rw (0600) or less. It is ignored, as libpq ignores it ' +
            `(fix: chmod 0600 "${path}")`,
        ),
      )
    case 'too-large':
      return ignore('too-large', {
        severity: 'error',
        where: path,
        message: `password file "${path}" is too large to be a password file (${file.size} bytes); it was not read`,
      })
    case 'io-error':
      return ignore('unreadable', {
        severity: 'error',
        where: path,
        message: `could not read password file "${path}" (${file.code})`,
      })
    case 'read':
      return { path, ignored: null, ...parsePgpassLines(path, file.lines) }
  }
}

const FIELD_NAMES = ['host', 'port', 'database', 'user'] as const

/** Turns the file's lines into entries and line problems (numbers only, never content). */
export function parsePgpassLines(
  path: string,
  lines: readonly TextLine[],
): { entries: PgpassEntry[]; problems: ImportProblem[] } {
  const entries: PgpassEntry[] = []
  const problems: ImportProblem[] = []
  for (const line of lines) {
    const where = `${path}:${line.number}`
    if (line.text === null) {
      const what = line.defect === 'nul-byte' ? 'contains a NUL byte' : 'is not valid UTF-8'
      problems.push(warning(where, `line ${line.number} ${what}; it is skipped`))
      continue
    }
    if (line.number === 1 && line.text.startsWith('\uFEFF')) {
      problems.push(
        warning(
          where,
          'line 1 starts with a byte-order mark, which libpq reads as part of the host field',
        ),
      )
    }
    const parsed = parsePgpassLine(line.text)
    if (parsed.kind === 'comment' || parsed.kind === 'blank') continue
    if (parsed.kind === 'short') {
      problems.push(warning(where, `line ${line.number} has fewer than 5 fields; libpq skips it`))
      continue
    }
    if (parsed.passwordTruncated) {
      problems.push(
        warning(
          where,
          `line ${line.number}: the password field contains an unescaped ':'; libpq uses only ` +
            "the part before it (write ':' as '\\:')",
        ),
      )
    }
    const entry = new PgpassEntry(line.number, parsed.fields, parsed.password)
    const empty = FIELD_NAMES.filter((_, i) => parsed.fields[i] === '')
    if (empty.length > 0) {
      problems.push(
        warning(
          where,
          `line ${line.number}: the ${empty.join(', ')} field is empty, so libpq never matches this line`,
        ),
      )
    } else if (parsed.password === '') {
      problems.push(
        warning(
          where,
          `line ${line.number} has an empty password; libpq stops at the first matching line ` +
            'even so, and then has no password for that connection',
        ),
      )
    }
    const shadow = entries.find((earlier) => entry.isCoveredBy(earlier))
    if (shadow) {
      problems.push(
        warning(
          where,
          `line ${line.number} is never used: line ${shadow.line} matches every connection it ` +
            'matches (first match wins)',
        ),
      )
    }
    entries.push(entry)
  }
  return { entries, problems }
}

function parsePort(field: PgpassField, fallback: number): number | null {
  if (field === null) return fallback
  if (!/^[0-9]{1,5}$/.test(field)) return null
  const port = Number(field)
  return port >= 1 && port <= 65535 ? port : null
}

/**
 * Candidate profiles from a read password file: one per entry whose host and user are literal
 * (a `*` port becomes the default port, a `*` database the user name, libpq's default). Entries
 * with a wildcard host or user only supply passwords: each is reported as an informational
 * warning. Duplicates of an earlier candidate are not offered twice. The password never leaves
 * the entries: a candidate only says whether libpq would find one (`passwordSource`).
 */
export function pgpassCandidates(
  result: PgpassReadResult,
  defaults: LookupDefaults = {},
): ImportResult {
  const problems = [...result.problems]
  const candidates: CandidateProfile[] = []
  const seen = new Set<string>()
  const defaultPort = defaults.port ?? DEFAULT_PORT
  for (const entry of result.entries) {
    const where = `${result.path ?? 'pgpass'}:${entry.line}`
    if (entry.host === null || entry.user === null) {
      problems.push(
        warning(
          where,
          `line ${entry.line} has a wildcard host or user: it supplies passwords for matching ` +
            'connections but is not offered as a profile (informational)',
        ),
      )
      continue
    }
    if (entry.host === '' || entry.user === '' || entry.database === '' || entry.port === '') {
      continue // already reported: never matches
    }
    const port = parsePort(entry.port, defaultPort)
    if (port === null) {
      problems.push(
        warning(where, `line ${entry.line}: the port field is not a port number; not offered`),
      )
      continue
    }
    const key: PgpassKey = {
      host: entry.host,
      port: String(port),
      database: entry.database ?? entry.user,
      user: entry.user,
    }
    const identity = JSON.stringify(key)
    if (seen.has(identity)) continue
    seen.add(identity)
    const source = findPgpassEntry(result.entries, key, defaults)
    candidates.push({
      name: `${key.user}@${key.host}${port === defaultPort ? '' : `:${port}`}/${key.database}`,
      group: '',
      hosts: [key.host],
      ports: [port],
      database: key.database,
      user: key.user,
      sslmode: 'prefer',
      origin: { kind: 'pgpass', where },
      passwordSource: source !== undefined && source.password() !== '' ? 'pgpass' : 'none',
    })
  }
  return { candidates, problems }
}
