/**
 * zod schemas for every request. Objects are strict: an unknown key (including `__proto__`)
 * is a validation error, never silently dropped.
 */
import { z } from 'zod'
import { sslModes } from './domain'

export const limits = {
  nameMax: 100,
  hostMax: 255,
  identifierMax: 63,
  passwordMax: 1024,
  idMax: 64,
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

export const profileDraftSchema = z.strictObject({
  name: profileNameSchema,
  host: hostSchema,
  port: portSchema,
  database: identifier('database'),
  user: identifier('user'),
  sslmode: z.enum(sslModes, { error: `sslmode must be one of ${sslModes.join(', ')}` }),
  /** Optional: kept in memory for this run only (see the profiles issue for real secret storage). */
  password: passwordSchema.optional(),
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

export const connectRequestSchema = z.strictObject({
  id: profileIdSchema,
  password: passwordSchema.optional(),
})
