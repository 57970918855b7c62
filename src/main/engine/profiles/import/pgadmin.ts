/**
 * Import from pgAdmin 4's servers.json (the file `setup.py dump-servers` and Tools > Import/Export
 * Servers write; pgAdmin 4 v6 to v8): one candidate per server entry.
 *
 * - A file that is too big, is not JSON, or does not have the `{ "Servers": { ... } }` shape
 *   yields one error and zero candidates: nothing is offered from a file we cannot read whole.
 * - One bad server entry yields one error naming `Servers/<key>` and that server is skipped;
 *   the others are kept. Entries are independent records (pgAdmin itself creates them one at a
 *   time), so one mistyped Port should not hide a hundred good servers from the preview, and the
 *   error tells the user exactly which one was left out.
 * - Like pgAdmin's loader, `ConnectionParameters` (v7+) wins when present; otherwise the older
 *   per-setting keys (SSLMode, SSLCert, SSLKey, SSLRootCert, PassFile, HostAddr, Timeout) apply.
 * - pgAdmin never writes passwords to this file. A PassFile / passfile is noted as
 *   passwordSource 'pgadmin-passfile' (it is not read). A `Password` someone wrote by hand is
 *   ignored, as pgAdmin ignores it, with a warning that never includes it.
 * - BGColor / FGColor / Tags are ignored: a candidate has no field for them.
 */
import type { CandidateProfile, ImportProblem, ImportResult } from './candidate'
import {
  describeIssues,
  pgadminFileSchema,
  pgadminServerSchema,
  type PgadminServer,
} from './pgadmin-schema'

/** Larger files are refused unread (a large pgAdmin install is a few hundred KiB). */
export const MAX_PGADMIN_FILE_BYTES = 5 * 1024 * 1024
export const MAX_PGADMIN_SERVERS = 10_000
/** pgAdmin's placeholder for its per-user storage folder in file paths. */
const STORAGE_DIR = '<STORAGE_DIR>'

/** Keys (any letter case) that would hold a password if someone added one by hand. */
const PASSWORD_KEYS = new Set(['password', 'sslpassword'])

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A server key as shown in `where`: control characters replaced, long keys cut. */
function shownKey(key: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = key.replace(/[\u0000-\u001f\u007f]/g, '?')
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean
}

function fileError(source: string, message: string): ImportResult {
  return { candidates: [], problems: [{ severity: 'error', where: source, message }] }
}

/**
 * JSON.parse keeps a `"__proto__"` key as a plain own property (it sets no prototype), and the
 * zod objects below drop it, so such a key has no effect on a candidate.
 */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    // The SyntaxError quotes part of the input; it is not kept.
    return { ok: false }
  }
}

function hasPasswordKey(entry: Record<string, unknown>): boolean {
  const params = entry['ConnectionParameters']
  const keys = [...Object.keys(entry), ...(isPlainObject(params) ? Object.keys(params) : [])]
  return keys.some((k) => PASSWORD_KEYS.has(k.toLowerCase()))
}

interface Settings {
  sslmode: CandidateProfile['sslmode']
  sslcert: string | null | undefined
  sslkey: string | null | undefined
  sslrootcert: string | null | undefined
  passfile: string | null | undefined
  hostaddr: string | null | undefined
  applicationName: string | null | undefined
  timeout: number | string | null | undefined
}

function settingsOf(server: PgadminServer): Settings {
  const cp = server.ConnectionParameters
  if (cp !== undefined && cp !== null) {
    return {
      sslmode: cp.sslmode ?? 'prefer',
      sslcert: cp.sslcert,
      sslkey: cp.sslkey,
      sslrootcert: cp.sslrootcert,
      passfile: cp.passfile,
      hostaddr: cp.hostaddr,
      applicationName: cp.application_name,
      timeout: cp.connect_timeout,
    }
  }
  return {
    sslmode: server.SSLMode ?? 'prefer',
    sslcert: server.SSLCert,
    sslkey: server.SSLKey,
    sslrootcert: server.SSLRootCert,
    passfile: server.PassFile,
    hostaddr: server.HostAddr,
    applicationName: undefined,
    timeout: server.Timeout,
  }
}

const nonEmpty = (s: string | null | undefined): s is string =>
  s !== undefined && s !== null && s !== ''

/** One server entry: a candidate, or none with the reason; warnings either way. */
function convertServer(
  server: PgadminServer,
  hadPassword: boolean,
  where: string,
): { candidate: CandidateProfile | undefined; problems: ImportProblem[] } {
  const problems: ImportProblem[] = []
  const warn = (message: string): void => {
    problems.push({ severity: 'warning', where, message })
  }
  const settings = settingsOf(server)
  if (hadPassword) {
    warn('A password in this entry was ignored: pgAdmin does not import passwords from this file.')
  }
  const host = nonEmpty(server.Host)
    ? server.Host
    : nonEmpty(settings.hostaddr)
      ? settings.hostaddr
      : undefined
  if (nonEmpty(server.Service)) {
    warn(
      `Uses the service "${server.Service}"; services are imported from the service file ` +
        '(pg_service.conf).' +
        (host === undefined ? ' No candidate was made from this entry.' : ''),
    )
    if (host === undefined) return { candidate: undefined, problems }
  }
  const user = nonEmpty(server.Username) ? server.Username : server.SharedUsername
  const port = server.Port ?? undefined
  if (host === undefined || !nonEmpty(user) || port === undefined) {
    const missing = [
      host === undefined ? 'Host (or HostAddr or Service)' : '',
      nonEmpty(user) ? '' : 'Username',
      port === undefined ? 'Port' : '',
    ].filter(nonEmpty)
    problems.push({ severity: 'error', where, message: `Skipped: ${missing.join(', ')} missing.` })
    return { candidate: undefined, problems }
  }
  if (nonEmpty(server.Host) && nonEmpty(settings.hostaddr) && settings.hostaddr !== server.Host) {
    warn('hostaddr is not imported; the profile connects to Host.')
  }
  if (
    server.UseSSHTunnel === true ||
    (typeof server.UseSSHTunnel === 'number' && server.UseSSHTunnel !== 0)
  ) {
    warn('pgAdmin reaches this server through an SSH tunnel; Lifeguard would connect directly.')
  }
  if (nonEmpty(server.PasswordExecCommand)) {
    warn('pgAdmin runs a command to get this password; that command is not imported.')
  }

  const candidate: CandidateProfile = {
    name: server.Name,
    group: server.Group,
    // pgAdmin passes Host to libpq as is, so a comma-separated list is libpq's multi-host form.
    hosts: host.split(',').map((h) => h.trim()),
    ports: [port],
    database: server.MaintenanceDB,
    user,
    sslmode: settings.sslmode,
    origin: { kind: 'pgadmin', where },
    passwordSource: nonEmpty(settings.passfile) ? 'pgadmin-passfile' : 'none',
  }
  for (const key of ['sslrootcert', 'sslcert', 'sslkey'] as const) {
    const path = settings[key]
    if (!nonEmpty(path)) continue
    // pgAdmin resolves <STORAGE_DIR> inside its own data folder (older releases filled every
    // server's SSL files with such defaults, which libpq skips when missing). Not a usable path.
    if (path.startsWith(STORAGE_DIR)) {
      warn(`${key} is inside pgAdmin's ${STORAGE_DIR} and was not imported.`)
    } else {
      candidate[key] = path
    }
  }
  if (nonEmpty(settings.applicationName)) candidate.applicationName = settings.applicationName
  // libpq: connect_timeout 0 means no timeout, i.e. nothing to carry over.
  const timeout = Number(settings.timeout ?? 0)
  if (timeout > 0) candidate.connectTimeoutS = timeout
  return { candidate, problems }
}

/**
 * Candidates from the text of a servers.json. `source` names the file in every problem and
 * origin (`<source>: Servers/<key>`).
 */
export function importPgadminServers(text: string, source: string): ImportResult {
  if (typeof text !== 'string') return fileError(source, 'The file content is not text.')
  if (Buffer.byteLength(text, 'utf8') > MAX_PGADMIN_FILE_BYTES) {
    return fileError(
      source,
      `The file is larger than ${MAX_PGADMIN_FILE_BYTES / 1024 / 1024} MiB and was not read.`,
    )
  }
  const parsed = parseJson(text.startsWith('\uFEFF') ? text.slice(1) : text)
  if (!parsed.ok) {
    return fileError(source, 'The file is not valid JSON, so nothing was imported from it.')
  }
  const shape = pgadminFileSchema.safeParse(parsed.value)
  if (!shape.success || !isPlainObject(parsed.value)) {
    return fileError(
      source,
      'The file is not a pgAdmin servers file: it needs a top-level "Servers" object ' +
        "(as written by pgAdmin's Import/Export Servers or setup.py dump-servers).",
    )
  }
  const servers = parsed.value['Servers'] as Record<string, unknown>
  const keys = Object.keys(servers)
  if (keys.length > MAX_PGADMIN_SERVERS) {
    return fileError(
      source,
      `The file lists ${keys.length} servers; at most ${MAX_PGADMIN_SERVERS} can be imported at once.`,
    )
  }

  const result: ImportResult = { candidates: [], problems: [] }
  for (const key of keys) {
    const where = `${source}: Servers/${shownKey(key)}`
    const entry = servers[key]
    if (!isPlainObject(entry)) {
      result.problems.push({
        severity: 'error',
        where,
        message: 'Skipped: the entry is not an object.',
      })
      continue
    }
    const server = pgadminServerSchema.safeParse(entry)
    if (!server.success) {
      result.problems.push({
        severity: 'error',
        where,
        message: `Skipped: ${describeIssues(server.error)}.`,
      })
      continue
    }
    const converted = convertServer(server.data, hasPasswordKey(entry), where)
    if (converted.candidate !== undefined) result.candidates.push(converted.candidate)
    result.problems.push(...converted.problems)
  }
  if (keys.length === 0) {
    result.problems.push({
      severity: 'warning',
      where: source,
      message: 'The file lists no servers.',
    })
  }
  return result
}
