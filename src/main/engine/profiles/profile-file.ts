/**
 * The profiles file: its versioned format, and opening it safely. Both shells use the same format
 * through the library electron-store is built on (conf); the desktop passes an electron-store,
 * browser mode a conf. A file that cannot be read is moved aside and reported, never reset; a
 * newer format is refused (read-only) rather than overwritten.
 */
import fs from 'node:fs'
import { z } from 'zod'
import { profileColors, sslModes, type AppWarning } from '../../../shared/domain'

/** 2: groups, colours, fallback hosts, SSL files, application name, timeouts, overrides. */
export const PROFILES_FORMAT_VERSION = 2

const hostPort = z.strictObject({
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
})

const settingsSchema = z.strictObject({
  poolMax: z.number().int().optional(),
  poolMin: z.number().int().optional(),
  acquireTimeoutMs: z.number().int().optional(),
  probeIntervalMs: z.number().int().optional(),
  probeTimeoutMs: z.number().int().optional(),
  unavailableAfterMs: z.number().int().optional(),
  idleInTransactionAlertMs: z.number().int().optional(),
  longQueryWarningMs: z.number().int().optional(),
  longQueryCriticalMs: z.number().int().optional(),
})

const v1Profile = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  kind: z.enum(['user', 'demo']),
  name: z.string().min(1).max(100),
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  database: z.string().min(1).max(63),
  user: z.string().min(1).max(63),
  sslmode: z.enum(sslModes),
  createdAt: z.string(),
})

export const storedProfileSchema = v1Profile.extend({
  group: z.string().max(60),
  color: z.enum(profileColors).nullable(),
  fallbackHosts: z.array(hostPort).max(7),
  sslrootcert: z.string().max(4096).nullable(),
  sslcert: z.string().max(4096).nullable(),
  sslkey: z.string().max(4096).nullable(),
  applicationName: z.string().max(63),
  connectTimeoutS: z.number().int().min(1).max(600).nullable(),
  settings: settingsSchema,
  passwordCommand: z.string().max(1024),
})
export type StoredProfile = z.output<typeof storedProfileSchema>

/** What a format-1 profile means in format 2: every new field at its default. */
export const profileDefaults = {
  group: '',
  color: null,
  fallbackHosts: [],
  sslrootcert: null,
  sslcert: null,
  sslkey: null,
  applicationName: 'lifeguard',
  connectTimeoutS: null,
  settings: {},
  passwordCommand: '',
} satisfies Omit<StoredProfile, keyof z.output<typeof v1Profile>>

const fileSchema = z.union([
  z.object({ formatVersion: z.literal(2), profiles: z.array(storedProfileSchema) }),
  z.object({ formatVersion: z.literal(1), profiles: z.array(v1Profile) }).transform((f) => ({
    formatVersion: 2 as const,
    profiles: f.profiles.map((p) => ({ ...profileDefaults, ...p })),
  })),
])

/** The part of conf / electron-store this module uses. */
export interface JsonStoreBackend {
  readonly path: string
  store: Record<string, unknown>
}

export interface OpenedProfileFile {
  backend: JsonStoreBackend
  profiles: StoredProfile[]
  readOnly: boolean
  warnings: AppWarning[]
}

function moveAside(path: string, reason: string, wallNow: number): string {
  const stamp = new Date(wallNow).toISOString().replace(/[:.]/g, '-')
  const aside = `${path}.${reason}-${stamp}`
  fs.renameSync(path, aside)
  return aside
}

export function openProfileFile(
  open: () => JsonStoreBackend,
  path: string,
  wallNow: () => number,
): OpenedProfileFile {
  const warnings: AppWarning[] = []
  let backend: JsonStoreBackend
  let raw: Record<string, unknown>
  try {
    backend = open()
    raw = backend.store
  } catch (error) {
    if (!fs.existsSync(path)) throw error
    const aside = moveAside(path, 'unreadable', wallNow())
    warnings.push({
      id: 'profiles-file-unreadable',
      message: `The profiles file could not be read, so Lifeguard started without it. The original is kept at ${aside}.`,
      detail: error instanceof Error ? error.message.slice(0, 200) : undefined,
    })
    backend = open()
    raw = backend.store
  }

  if (Object.keys(raw).length === 0) return { backend, profiles: [], readOnly: false, warnings }

  const version = raw['formatVersion']
  if (typeof version === 'number' && version > PROFILES_FORMAT_VERSION) {
    warnings.push({
      id: 'profiles-file-newer',
      message: `The profiles file was written by a newer Lifeguard (format ${version}; this one reads ${PROFILES_FORMAT_VERSION}). It is shown read-only and will not be overwritten.`,
    })
    // Best effort: what this version understands of each profile; unknown fields are not shown.
    const known = z.object(storedProfileSchema.shape)
    const list = Array.isArray(raw['profiles']) ? (raw['profiles'] as unknown[]) : []
    const profiles = list.flatMap((p) => {
      const parsed = known.safeParse({ ...profileDefaults, ...(p as object) })
      return parsed.success ? [parsed.data] : []
    })
    return { backend, profiles, readOnly: true, warnings }
  }

  const parsed = fileSchema.safeParse(raw)
  if (parsed.success) return { backend, profiles: parsed.data.profiles, readOnly: false, warnings }

  const aside = moveAside(path, 'invalid', wallNow())
  warnings.push({
    id: 'profiles-file-invalid',
    message: `The profiles file did not have the expected shape, so Lifeguard started without it. The original is kept at ${aside}.`,
    detail: parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; '),
  })
  return { backend: open(), profiles: [], readOnly: false, warnings }
}
