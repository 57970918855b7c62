/**
 * zod schemas for every request. Objects are strict: an unknown key (including `__proto__`)
 * is a validation error, never silently dropped.
 */
import { z } from 'zod'
import { profileColors, sslModes } from './domain'

export const limits = {
  nameMax: 100,
  hostMax: 255,
  identifierMax: 63,
  passwordMax: 1024,
  idMax: 64,
  groupMax: 60,
  pathMax: 4096,
  /** PostgreSQL keeps NAMEDATALEN - 1 bytes of application_name. */
  applicationNameMax: 63,
  fallbackHostsMax: 7,
} as const

const noNul = (s: string): boolean => !s.includes('\u0000')

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .refine(noNul, { error: `${label} must not contain NUL characters` })

const hostnamePattern =
  /^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/
const ipv4Pattern = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const ipv6Pattern = /^[0-9A-Fa-f:.]{2,45}$/

export function isValidHost(host: string): boolean {
  if (host.startsWith('/')) return !host.includes('\u0000') // a Unix-socket directory, as libpq allows
  if (/^\d+(\.\d+)*$/.test(host)) return ipv4Pattern.test(host)
  if (host.includes(':')) return ipv6Pattern.test(host) && host.split('::').length <= 2
  return hostnamePattern.test(host)
}

export const profileIdSchema = z
  .string({ error: 'id must be text' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'id is not a valid profile id' })

export const profileNameSchema = text('name', limits.nameMax)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { error: 'name is required' })

export const hostSchema = text('host', limits.hostMax)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { error: 'host is required' })
  .refine(isValidHost, {
    error: 'host must be a host name, an IPv4 or IPv6 address, or a socket directory',
  })

export const portSchema = z
  .number({ error: 'port must be a number' })
  .int({ error: 'port must be a whole number' })
  .min(1, { error: 'port must be between 1 and 65535' })
  .max(65535, { error: 'port must be between 1 and 65535' })

const identifier = (label: string) =>
  text(label, limits.identifierMax).refine((s) => s.length > 0, { error: `${label} is required` })

export const passwordSchema = text('password', limits.passwordMax)

/** An absolute path to a certificate or key file (read when connecting, never sent anywhere). */
const filePathSchema = (label: string) =>
  text(label, limits.pathMax)
    .transform((s) => s.trim())
    .refine((s) => s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s), {
      error: `${label} must be an absolute path to a file`,
    })

const wholeNumber = (label: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be between ${min} and ${max}${unit}` })
    .max(max, { error: `${label} must be between ${min} and ${max}${unit}` })

export const hostPortSchema = z.strictObject({ host: hostSchema, port: portSchema })

/** Per-profile settings overriding the defaults (reference.md). */
export const profileSettingsSchema = z
  .strictObject({
    poolMax: wholeNumber('pool max', 2, 1000),
    poolMin: wholeNumber('pool min', 0, 1000),
    acquireTimeoutMs: wholeNumber('acquire timeout', 100, 600_000, ' ms'),
    probeIntervalMs: wholeNumber('probe interval', 200, 3_600_000, ' ms'),
    probeTimeoutMs: wholeNumber('probe timeout', 100, 600_000, ' ms'),
    unavailableAfterMs: wholeNumber('unavailable after', 0, 86_400_000, ' ms'),
    idleInTransactionAlertMs: wholeNumber('idle in transaction alert', 1000, 86_400_000, ' ms'),
    longQueryWarningMs: wholeNumber('long query warning', 1000, 86_400_000, ' ms'),
    longQueryCriticalMs: wholeNumber('long query critical', 1000, 86_400_000, ' ms'),
  })
  .partial()
  .refine((s) => s.poolMin === undefined || s.poolMax === undefined || s.poolMin <= s.poolMax, {
    error: 'pool min must not be above pool max',
    path: ['poolMin'],
  })
  .refine(
    (s) =>
      s.longQueryWarningMs === undefined ||
      s.longQueryCriticalMs === undefined ||
      s.longQueryWarningMs <= s.longQueryCriticalMs,
    {
      error: 'long query critical must not be below long query warning',
      path: ['longQueryCriticalMs'],
    },
  )
export type ProfileSettings = z.output<typeof profileSettingsSchema>

export const profileDraftSchema = z
  .strictObject({
    name: profileNameSchema,
    /** Dashboard group ('' = none). */
    group: text('group', limits.groupMax)
      .transform((s) => s.trim())
      .optional(),
    color: z
      .enum(profileColors, { error: `color must be one of ${profileColors.join(', ')}` })
      .optional(),
    host: hostSchema,
    port: portSchema,
    /** Tried in order when the host above does not answer (libpq's host list). */
    fallbackHosts: z
      .array(hostPortSchema, { error: 'fallback hosts must be a list' })
      .max(limits.fallbackHostsMax, {
        error: `at most ${limits.fallbackHostsMax} fallback hosts`,
      })
      .optional(),
    database: identifier('database'),
    user: identifier('user'),
    sslmode: z.enum(sslModes, { error: `sslmode must be one of ${sslModes.join(', ')}` }),
    sslrootcert: filePathSchema('root certificate').optional(),
    sslcert: filePathSchema('client certificate').optional(),
    sslkey: filePathSchema('client key').optional(),
    applicationName: text('application name', limits.applicationNameMax)
      .refine((s) => /^[\x20-\x7e]*$/.test(s), {
        error: 'application name must be printable ASCII (PostgreSQL replaces anything else)',
      })
      .optional(),
    connectTimeoutS: wholeNumber('connect timeout', 1, 600, ' s').optional(),
    settings: profileSettingsSchema.optional(),
    /** A program printing the password (pgAdmin's password exec command), run without a shell. */
    passwordCommand: text('password command', 1024)
      .transform((s) => s.trim())
      .optional(),
    /** Optional: kept in memory for this run, or stored encrypted when `rememberPassword`. */
    password: passwordSchema.optional(),
    /** true: store the password encrypted (refused where that is not possible); false: forget it. */
    rememberPassword: z.boolean({ error: 'rememberPassword must be true or false' }).optional(),
  })
  .refine((d) => (d.sslcert === undefined) === (d.sslkey === undefined), {
    error: 'a client certificate and its key go together: give both or neither',
    path: ['sslkey'],
  })
export type ProfileDraft = z.output<typeof profileDraftSchema>

export const emptyRequestSchema = z.strictObject({})

export const saveProfileRequestSchema = z.strictObject({
  /** Absent: create. Present: update that profile. */
  id: profileIdSchema.optional(),
  profile: profileDraftSchema,
})

export const profileRefSchema = z.strictObject({ id: profileIdSchema })

export const testConnectionRequestSchema = z.union([
  z.strictObject({ draft: profileDraftSchema }),
  z.strictObject({ id: profileIdSchema, password: passwordSchema.optional() }),
])

/** pgAdmin's servers.json is read in the renderer (a file chosen by the user) and sent as text. */
export const IMPORT_TEXT_MAX = 5 * 1024 * 1024

export const importPreviewRequestSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('pgpass') }),
    z.strictObject({ kind: z.literal('service-file') }),
    z.strictObject({
      kind: z.literal('pgadmin'),
      text: text('file content', IMPORT_TEXT_MAX),
      fileName: text('file name', 255),
    }),
    z.strictObject({ kind: z.literal('pasted'), text: text('pasted text', 8 * 1024) }),
  ],
  { error: 'kind must be pgpass, service-file, pgadmin or pasted' },
)

export const importConfirmRequestSchema = z.strictObject({
  previewId: z.uuid({ error: 'previewId is not a preview id' }),
  rows: z
    .array(
      z
        .number({ error: 'rows must be row numbers' })
        .int({ error: 'rows must be whole numbers' })
        .min(0, { error: 'rows must not be negative' }),
      { error: 'rows must be a list' },
    )
    .min(1, { error: 'choose at least one row to import' })
    .max(10_000, { error: 'at most 10000 rows' }),
})

export const exportProfilesRequestSchema = z.strictObject({
  /** Absent: every profile you created (the local demo is never exported). */
  ids: z
    .array(profileIdSchema, { error: 'ids must be a list' })
    .min(1, { error: 'choose at least one profile to export' })
    .max(10_000, { error: 'at most 10000 profiles' })
    .optional(),
})

/** A server process id: a positive 32-bit integer (pg_cancel_backend / pg_terminate_backend take int4). */
export const backendPidSchema = z
  .number({ error: 'pid must be a number' })
  .int({ error: 'pid must be a whole number' })
  .min(1, { error: 'pid must be a positive process id' })
  .max(2147483647, { error: 'pid must fit in 32 bits' })

export const sessionActionRequestSchema = z.strictObject({
  id: profileIdSchema,
  pid: backendPidSchema,
  /** Act on one of Lifeguard's own sessions (the UI asks twice). */
  allowOwn: z.boolean({ error: 'allowOwn must be true or false' }).optional(),
})

export const exportMetricsRequestSchema = z.strictObject({
  /** Absent: every profile. */
  ids: z
    .array(profileIdSchema, { error: 'ids must be a list' })
    .min(1, { error: 'choose at least one profile' })
    .max(10_000, { error: 'at most 10000 profiles' })
    .optional(),
  format: z.enum(['json', 'csv', 'prometheus'], {
    error: 'format must be json, csv or prometheus',
  }),
  /** The time series' range (JSON and CSV). Default 1h. */
  range: z.enum(['5m', '1h', '24h'], { error: 'range must be 5m, 1h or 24h' }).optional(),
})

export const connectRequestSchema = z.strictObject({
  id: profileIdSchema,
  password: passwordSchema.optional(),
  rememberPassword: z.boolean({ error: 'rememberPassword must be true or false' }).optional(),
})
