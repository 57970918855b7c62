/**
 * Candidate profiles from service definitions, with libpq's defaults for what a section leaves
 * out (fe-connect.c, pqConnectOptions2 and the PQconninfoOptions table):
 * - host: comma-separated list (multi-host); an empty or missing host is libpq's default, the
 *   default socket directory (`localhost` on Windows); with no host, hostaddr is used;
 * - port: one per host or a single one for all; an empty element is the default port 5432;
 * - user: the OS user name when empty or missing; dbname: the user name when empty or missing;
 * - sslmode: 'prefer' when missing.
 * Environment defaults (PGHOST, PGUSER, ...) are deliberately not applied: they belong to the
 * importing process, not to the saved profile.
 *
 * A section that cannot become a profile (LDAP lookup, bad port, unknown sslmode, ports that do
 * not pair with the hosts) is reported and skipped; keywords a profile cannot hold are listed
 * (names only). Secrets never reach a candidate: only `passwordSource`.
 */
import { sslModes, type SslMode } from '../../../../shared/domain'
import type { CandidateProfile, ImportProblem, ImportResult } from './candidate'
import { DEFAULT_PORT, DEFAULT_SOCKET_DIR, findPgpassEntry, type PgpassEntry } from './pgpass-entry'
import type { ServiceDefinition } from './service-definition'

export interface ServiceCandidateOptions {
  /** The OS user name: libpq's default user. */
  osUser: string
  platform?: NodeJS.Platform
  /** The socket directory libpq was built with (the default host on POSIX). */
  defaultSocketDir?: string
  defaultPort?: number
  /** Password-file entries, to tell whether libpq would find a password for a service. */
  pgpass?: readonly PgpassEntry[]
}

/** Keywords a candidate profile carries (or that are consumed to build one). */
const USED_KEYWORDS: ReadonlySet<string> = new Set([
  'host',
  'hostaddr',
  'port',
  'dbname',
  'user',
  'password',
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'application_name',
  'fallback_application_name',
  'connect_timeout',
])

function isSslMode(value: string): value is SslMode {
  return (sslModes as readonly string[]).includes(value)
}

function parsePort(text: string, fallback: number): number | null {
  if (text === '') return fallback
  if (!/^[0-9]{1,5}$/.test(text)) return null
  const port = Number(text)
  return port >= 1 && port <= 65535 ? port : null
}

/** libpq: an integer; 0 or less means no timeout; 1 is raised to 2 seconds. */
function parseConnectTimeout(text: string | undefined): number | undefined | null {
  if (text === undefined || text === '') return undefined
  if (!/^-?[0-9]{1,9}$/.test(text)) return null
  const seconds = Number(text)
  if (seconds <= 0) return undefined
  return Math.max(2, seconds)
}

type Built =
  { candidate: CandidateProfile; problems: ImportProblem[] } | { problems: ImportProblem[] }

function buildCandidate(service: ServiceDefinition, options: ServiceCandidateOptions): Built {
  const where = `${service.path}:${service.line}`
  const label = `service "${service.name}"`
  const warn = (message: string): ImportProblem => ({ severity: 'warning', where, message })
  const skip = (why: string): Built => ({ problems: [warn(`${label} ${why}; it is not offered`)] })
  const p = service.params
  const problems: ImportProblem[] = []

  if (service.usesLdap) return skip('is looked up in LDAP, which the import does not do')

  const defaultHost =
    options.platform === 'win32' ? 'localhost' : (options.defaultSocketDir ?? DEFAULT_SOCKET_DIR)
  const hostList = p.host || p.hostaddr || ''
  const hosts = hostList.split(',').map((h) => (h === '' ? defaultHost : h))
  if (p.host && p.hostaddr) {
    problems.push(warn(`${label}: hostaddr is not imported; the profile connects by host name`))
  }

  const defaultPort = options.defaultPort ?? DEFAULT_PORT
  const ports: number[] = []
  for (const text of (p.port ?? '').split(',')) {
    const port = parsePort(text, defaultPort)
    if (port === null) return skip('has a port that is not a port number')
    ports.push(port)
  }
  if (ports.length !== 1 && ports.length !== hosts.length) {
    return skip(`has ${ports.length} ports for ${hosts.length} hosts (libpq refuses that)`)
  }

  const sslmode = p.sslmode || 'prefer'
  if (!isSslMode(sslmode)) return skip('has an sslmode libpq does not know')

  const connectTimeoutS = parseConnectTimeout(p.connect_timeout)
  if (connectTimeoutS === null) return skip('has a connect_timeout that is not an integer')

  const user = p.user || options.osUser
  const database = p.dbname || user
  const password = service.password()
  let passwordSource: CandidateProfile['passwordSource'] = 'none'
  if (password !== undefined && password !== '') {
    passwordSource = 'inline'
  } else if (options.pgpass && !p.passfile) {
    const entry = findPgpassEntry(
      options.pgpass,
      { host: hosts[0], port: ports[0], database, user },
      { socketDir: options.defaultSocketDir, port: defaultPort },
    )
    if (entry !== undefined && entry.password() !== '') passwordSource = 'pgpass'
  }

  const unused = [...Object.keys(p), ...service.secretKeys].filter((k) => !USED_KEYWORDS.has(k))
  if (unused.length > 0) {
    problems.push(warn(`${label}: not imported (no profile setting): ${unused.sort().join(', ')}`))
  }

  const candidate: CandidateProfile = {
    name: service.name,
    group: '',
    hosts,
    ports,
    database,
    user,
    sslmode,
    origin: { kind: 'service-file', where },
    passwordSource,
  }
  if (p.sslrootcert) candidate.sslrootcert = p.sslrootcert
  if (p.sslcert) candidate.sslcert = p.sslcert
  if (p.sslkey) candidate.sslkey = p.sslkey
  const applicationName = p.application_name || p.fallback_application_name
  if (applicationName) candidate.applicationName = applicationName
  if (connectTimeoutS !== undefined) candidate.connectTimeoutS = connectTimeoutS
  return { candidate, problems }
}

export function serviceCandidates(
  services: Iterable<ServiceDefinition>,
  options: ServiceCandidateOptions,
): ImportResult {
  const candidates: CandidateProfile[] = []
  const problems: ImportProblem[] = []
  for (const service of services) {
    const built = buildCandidate(service, options)
    problems.push(...built.problems)
    if ('candidate' in built) candidates.push(built.candidate)
  }
  return { candidates, problems }
}
