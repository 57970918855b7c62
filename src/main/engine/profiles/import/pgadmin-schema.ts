/**
 * zod shapes of pgAdmin 4's servers.json (`setup.py dump-servers`, pgAdmin 4 v6 to v8).
 *
 * Loose objects: pgAdmin adds keys from release to release (Tags, PostConnectionSQL,
 * KerberosAuthentication, Tunnel*, ...), and a key we do not read is no reason to refuse a
 * server. Strict types on the keys we do read: a Port that is text, a Host that is a number,
 * an unknown sslmode make the server an error. `null` counts as absent for optional keys, as
 * pgAdmin's own loader (`obj.get(key, None)`) treats it.
 *
 * Messages never include a value from the file.
 */
import { z } from 'zod'
import { sslModes } from '../../../../shared/domain'

const requiredText = z.string({
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be text'),
})
const optionalText = z.string({ error: 'must be text' }).nullish()

/** connect_timeout in seconds: pgAdmin writes a number, its dialog may store digits as text. */
const timeoutError = { error: 'must be a whole number of seconds' }
const timeoutSeconds = z
  .union(
    [
      z.number(timeoutError).int(timeoutError).min(0, timeoutError),
      z.string(timeoutError).regex(/^\d{1,9}$/, timeoutError),
    ],
    timeoutError,
  )
  .nullish()

const sslmode = z.enum(sslModes, { error: `must be one of ${sslModes.join(', ')}` }).nullish()

/** Newer files (pgAdmin 4 v7+): libpq keywords in one object. */
export const connectionParametersSchema = z.looseObject(
  {
    sslmode,
    sslcert: optionalText,
    sslkey: optionalText,
    sslrootcert: optionalText,
    passfile: optionalText,
    hostaddr: optionalText,
    application_name: optionalText,
    connect_timeout: timeoutSeconds,
  },
  { error: 'must be an object' },
)

export const pgadminServerSchema = z.looseObject({
  Name: requiredText,
  Group: requiredText,
  Host: optionalText,
  Port: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).nullish(),
  MaintenanceDB: requiredText,
  Username: optionalText,
  /** A shared server may give SharedUsername in place of Username (pgAdmin docs). */
  SharedUsername: optionalText,
  Service: optionalText,
  /** Older files (before ConnectionParameters): one key per setting. */
  HostAddr: optionalText,
  SSLMode: sslmode,
  SSLCert: optionalText,
  SSLKey: optionalText,
  SSLRootCert: optionalText,
  PassFile: optionalText,
  Timeout: timeoutSeconds,
  ConnectionParameters: connectionParametersSchema.nullish(),
  UseSSHTunnel: z.union([z.number(), z.boolean()], { error: 'must be 0/1 or a boolean' }).nullish(),
  PasswordExecCommand: optionalText,
})

export type PgadminServer = z.output<typeof pgadminServerSchema>

/** The top level: `{ "Servers": { "<key>": {...}, ... } }`; entries are checked one by one. */
export const pgadminFileSchema = z.looseObject({
  Servers: z.record(z.string(), z.unknown(), { error: 'must be an object of servers' }),
})

/** "Port must be a whole number; Name is required" from a zod error. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.')
      return path === '' ? issue.message : `${path} ${issue.message}`
    })
    .join('; ')
}
