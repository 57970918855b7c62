/**
 * The candidate a parsed connection string describes: libpq keyword values (last one wins, as
 * libpq reads them) mapped to the fields a profile holds, with libpq's defaults and list rules.
 */
import { sslModes, type SslMode } from '../../../../shared/domain'
import { isConnectionUri } from '../conninfo'
import type { CandidateProfile, ImportProblem, ImportSourceKind } from './candidate'
import { InlineSecret } from './pasted-secret'

export const PASTED_WHERE = 'pasted text'
export const DEFAULT_PORT = 5432

export interface PastedDefaults {
  /** libpq's default user: the operating-system user name. */
  defaultUser: string
  /**
   * Used when the text names no host. libpq would use its Unix-socket directory; Lifeguard
   * connects through node-postgres, whose default is 'localhost', hence that default.
   */
  defaultHost?: string
}

/** Keywords that become candidate fields (or, for `service`, a warning). */
const MAPPED = new Set([
  'host',
  'hostaddr',
  'port',
  'user',
  'dbname',
  'password',
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'application_name',
  'connect_timeout',
  'service',
])

export interface BuiltCandidate {
  candidate: CandidateProfile | undefined
  problems: ImportProblem[]
  secret: InlineSecret | undefined
}

const problem = (severity: ImportProblem['severity'], message: string): ImportProblem => ({
  severity,
  where: PASTED_WHERE,
  message,
})

function isSslMode(value: string): value is SslMode {
  return (sslModes as readonly string[]).includes(value)
}

/** libpq treats an empty value of these keywords as "not given". */
function given(settings: ReadonlyMap<string, string>, key: string): string | undefined {
  const value = settings.get(key)
  return value === undefined || value === '' ? undefined : value
}

function parsePorts(list: string | undefined): number[] | undefined {
  if (list === undefined) return [DEFAULT_PORT]
  const ports: number[] = []
  for (const entry of list.split(',')) {
    if (entry === '') {
      ports.push(DEFAULT_PORT) // libpq: an empty entry means the default port
      continue
    }
    if (!/^\d{1,5}$/.test(entry)) return undefined
    const port = Number(entry)
    if (port < 1 || port > 65535) return undefined
    ports.push(port)
  }
  return ports
}

function suggestedName(user: string, host: string, port: number, database: string): string {
  const shownHost = host.includes(':') ? `[${host}]` : host
  const shownPort = port === DEFAULT_PORT ? '' : `:${port}`
  return `${user}@${shownHost}${shownPort}/${database}`
}

export function candidateFromSettings(
  settings: ReadonlyMap<string, string>,
  kind: Extract<ImportSourceKind, 'uri' | 'conninfo'>,
  defaults: PastedDefaults,
): BuiltCandidate {
  const problems: ImportProblem[] = []
  const none = (): BuiltCandidate => ({ candidate: undefined, problems, secret: undefined })

  const hostList = given(settings, 'host')
  const hostaddrList = given(settings, 'hostaddr')
  const service = given(settings, 'service')
  if (service !== undefined) {
    const named = hostList ?? hostaddrList
    problems.push(
      problem(
        'warning',
        `This text refers to the service "${service}"; services are imported from the service ` +
          'file (pg_service.conf). ' +
          (named === undefined
            ? 'Nothing was imported from this text.'
            : "The service's own settings are not applied to this candidate."),
      ),
    )
    if (named === undefined) return none()
  }

  // expand_dbname: libpq would read such a dbname as a whole connection string (which may hold
  // a password). Refuse it rather than show it as a database name.
  const dbname = given(settings, 'dbname')
  if (dbname !== undefined && (isConnectionUri(dbname) || dbname.includes('='))) {
    problems.push(
      problem(
        'error',
        'The dbname is itself a connection string; paste that connection string instead.',
      ),
    )
    return none()
  }

  const defaultHost = defaults.defaultHost ?? 'localhost'
  // With both host and hostaddr, libpq connects to hostaddr and uses host for TLS and .pgpass;
  // a profile has one address, so it keeps host (the name) and says hostaddr was left out.
  const hosts = (hostList ?? hostaddrList ?? defaultHost)
    .split(',')
    .map((h) => (h === '' ? defaultHost : h))
  if (hostList !== undefined && hostaddrList !== undefined) {
    problems.push(problem('warning', 'hostaddr is not imported; the profile connects to host.'))
  }

  const ports = parsePorts(given(settings, 'port'))
  if (ports === undefined) {
    problems.push(problem('error', 'Every port must be a number from 1 to 65535.'))
    return none()
  }
  if (ports.length !== 1 && ports.length !== hosts.length) {
    problems.push(
      problem(
        'error',
        `${ports.length} ports were given for ${hosts.length} hosts; give one port for all ` +
          'hosts or one per host.',
      ),
    )
    return none()
  }

  const rawSslmode = settings.get('sslmode')
  if (rawSslmode !== undefined && !isSslMode(rawSslmode)) {
    problems.push(problem('error', `sslmode must be one of ${sslModes.join(', ')}.`))
    return none()
  }

  const rawTimeout = given(settings, 'connect_timeout')
  if (rawTimeout !== undefined && !/^\d{1,9}$/.test(rawTimeout)) {
    problems.push(problem('error', 'connect_timeout must be a whole number of seconds.'))
    return none()
  }

  const ignored = [...settings.keys()].filter((k) => !MAPPED.has(k))
  if (ignored.length > 0) {
    problems.push(
      problem(
        'warning',
        `Not imported (a profile has no place for them): ${[...new Set(ignored)].join(', ')}.`,
      ),
    )
  }

  const user = given(settings, 'user') ?? defaults.defaultUser
  const database = dbname ?? user
  const password = given(settings, 'password')
  const candidate: CandidateProfile = {
    name: suggestedName(user, hosts[0]!, ports[0]!, database),
    group: '',
    hosts,
    ports,
    database,
    user,
    sslmode: rawSslmode ?? 'prefer',
    origin: { kind, where: PASTED_WHERE },
    // libpq ignores an empty password (it then looks in .pgpass), so only a non-empty one counts.
    passwordSource: password === undefined ? 'none' : 'inline',
  }
  for (const key of ['sslrootcert', 'sslcert', 'sslkey'] as const) {
    const path = given(settings, key)
    if (path === undefined) continue
    // These are file paths in libpq. Key material pasted in their place is never kept or shown.
    if (path.includes('PRIVATE KEY-----')) {
      problems.push(
        problem('warning', `${key} holds a private key, not a file path; not imported.`),
      )
    } else {
      candidate[key] = path
    }
  }
  const applicationName = given(settings, 'application_name')
  if (applicationName !== undefined) candidate.applicationName = applicationName
  // libpq: connect_timeout 0 means no timeout, i.e. nothing to carry over.
  if (rawTimeout !== undefined && Number(rawTimeout) > 0) {
    candidate.connectTimeoutS = Number(rawTimeout)
  }

  return {
    candidate,
    problems,
    secret: password === undefined ? undefined : new InlineSecret(password),
  }
}
