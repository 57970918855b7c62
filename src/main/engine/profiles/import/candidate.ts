/**
 * What every import source (.pgpass, pg_service.conf, pgAdmin servers.json, a pasted URI or
 * key=value string) produces: candidate profiles for a preview, plus problems found on the way.
 * Nothing is created until the user confirms the preview.
 *
 * A password found by an import never travels in a candidate (which is shown to the renderer):
 * candidates say only `passwordSource`; the secret itself stays in main (see `SecretFound`).
 */
import type { SslMode } from '../../../../shared/domain'

export type ImportSourceKind = 'pgpass' | 'service-file' | 'pgadmin' | 'uri' | 'conninfo'

export interface CandidateProfile {
  /** Suggested profile name (service name, pgAdmin server name, or built from user@host/db). */
  name: string
  /** pgAdmin group, service file section family, or empty. */
  group: string
  /** One or more hosts, as libpq allows (a socket directory starts with '/'). */
  hosts: string[]
  /** One port per host, or a single port for all. */
  ports: number[]
  database: string
  user: string
  sslmode: SslMode
  sslrootcert?: string
  sslcert?: string
  sslkey?: string
  applicationName?: string
  /** libpq connect_timeout, seconds. */
  connectTimeoutS?: number
  /** Where the candidate came from, for the preview: file path and line / section / key. */
  origin: { kind: ImportSourceKind; where: string }
  /** A password exists for it in the source (never the password itself). */
  passwordSource: 'none' | 'pgpass' | 'inline' | 'pgadmin-passfile'
}

export interface ImportProblem {
  severity: 'error' | 'warning'
  /** File and line (or key) the problem is at; never a secret or a raw line containing one. */
  where: string
  message: string
}

export interface ImportResult {
  candidates: CandidateProfile[]
  problems: ImportProblem[]
}
