/**
 * The profile form's fields as typed (strings, a colour, a checkbox), and how they become the
 * contract's draft. Validation is form-validation.ts's (the shared schema); main validates again.
 *
 * Saving replaces every field of a profile: an optional field left empty is sent as absent, which
 * main stores as its default (no colour, no SSL files, application name "lifeguard", ...).
 */
import type { RequestOf } from '../../../../shared/contract'
import type { ProfileColor, ProfileSummary, SslMode } from '../../../../shared/domain'

export type ProfileDraftInput = RequestOf<'profiles:save'>['profile']

export interface HostPortFields {
  host: string
  port: string
}

/** Per-profile overrides; '' = the default. */
export interface SettingsFields {
  poolMax: string
  poolMin: string
  acquireTimeoutMs: string
  probeIntervalMs: string
  probeTimeoutMs: string
  unavailableAfterMs: string
  idleInTransactionAlertMs: string
  longQueryWarningMs: string
  longQueryCriticalMs: string
}

export type SettingName = keyof SettingsFields

export const settingNames: readonly SettingName[] = [
  'poolMax',
  'poolMin',
  'acquireTimeoutMs',
  'probeIntervalMs',
  'probeTimeoutMs',
  'unavailableAfterMs',
  'idleInTransactionAlertMs',
  'longQueryWarningMs',
  'longQueryCriticalMs',
]

export interface FormFields {
  name: string
  group: string
  /** '' = no colour. */
  color: ProfileColor | ''
  host: string
  port: string
  fallbackHosts: HostPortFields[]
  database: string
  user: string
  password: string
  /** Store the password encrypted (where the shell can). */
  rememberPassword: boolean
  sslmode: SslMode
  sslrootcert: string
  sslcert: string
  sslkey: string
  applicationName: string
  connectTimeoutS: string
  passwordCommand: string
  settings: SettingsFields
}

export type FieldName = keyof FormFields

/**
 * Where a message belongs: a field name, or a path into one ("fallbackHosts.0.host",
 * "settings.poolMin"), as the schema's issue paths are joined.
 */
export type FieldPath = string

const noSettings: SettingsFields = {
  poolMax: '',
  poolMin: '',
  acquireTimeoutMs: '',
  probeIntervalMs: '',
  probeTimeoutMs: '',
  unavailableAfterMs: '',
  idleInTransactionAlertMs: '',
  longQueryWarningMs: '',
  longQueryCriticalMs: '',
}

export const newProfileFields: FormFields = {
  name: '',
  group: '',
  color: '',
  host: 'localhost',
  port: '5432',
  fallbackHosts: [],
  database: 'postgres',
  user: 'postgres',
  password: '',
  rememberPassword: false,
  sslmode: 'prefer',
  sslrootcert: '',
  sslcert: '',
  sslkey: '',
  applicationName: '',
  connectTimeoutS: '',
  passwordCommand: '',
  settings: noSettings,
}

const numberText = (n: number | null | undefined): string => (n == null ? '' : String(n))

export function fieldsOf(profile: ProfileSummary): FormFields {
  const settings = { ...noSettings }
  for (const key of settingNames) settings[key] = numberText(profile.settings[key])
  return {
    name: profile.name,
    group: profile.group,
    color: profile.color ?? '',
    host: profile.host,
    port: String(profile.port),
    fallbackHosts: profile.fallbackHosts.map((h) => ({ host: h.host, port: String(h.port) })),
    database: profile.database,
    user: profile.user,
    password: '',
    rememberPassword: profile.passwordStored,
    sslmode: profile.sslmode,
    sslrootcert: profile.sslrootcert ?? '',
    sslcert: profile.sslcert ?? '',
    sslkey: profile.sslkey ?? '',
    applicationName: profile.applicationName,
    connectTimeoutS: numberText(profile.connectTimeoutS),
    passwordCommand: profile.passwordCommand,
    settings,
  }
}

/**
 * A number as typed: undefined when empty, NaN when it is not a number at all (the schema then
 * says "... must be a number"), else the number (the schema judges whole / range).
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  return /^[+-]?\d{1,15}(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

/** An optional text: absent when empty. */
const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text)

/**
 * Whether "Remember password" is sent, and how: true stores the password (the one typed now, or
 * the one main holds for this run); false forgets a stored one; absent leaves things as they are.
 */
export function rememberChoice(
  fields: Pick<FormFields, 'rememberPassword' | 'password'>,
  initiallyStored: boolean,
): boolean | undefined {
  if (fields.rememberPassword) return fields.password !== '' || !initiallyStored ? true : undefined
  return initiallyStored ? false : undefined
}

/** Context of an edit: what main already holds for the profile. */
export interface PasswordContext {
  passwordStored: boolean
  hasSessionPassword: boolean
}

export const noPasswordContext: PasswordContext = {
  passwordStored: false,
  hasSessionPassword: false,
}

/**
 * The draft for the contract, as typed. Numbers that do not parse stay NaN so validation names
 * them; an empty password means "none given" (keep the current one).
 */
export function toDraftInput(
  fields: FormFields,
  context: PasswordContext = noPasswordContext,
): ProfileDraftInput {
  const port = parseNumber(fields.port)
  const draft: ProfileDraftInput = {
    name: fields.name,
    host: fields.host,
    port: port ?? Number.NaN,
    database: fields.database,
    user: fields.user,
    sslmode: fields.sslmode,
  }
  if (fields.group.trim() !== '') draft.group = fields.group
  if (fields.color !== '') draft.color = fields.color
  if (fields.fallbackHosts.length > 0)
    draft.fallbackHosts = fields.fallbackHosts.map((h) => ({
      host: h.host,
      port: parseNumber(h.port) ?? Number.NaN,
    }))
  const sslrootcert = optional(fields.sslrootcert)
  if (sslrootcert !== undefined) draft.sslrootcert = sslrootcert
  const sslcert = optional(fields.sslcert)
  if (sslcert !== undefined) draft.sslcert = sslcert
  const sslkey = optional(fields.sslkey)
  if (sslkey !== undefined) draft.sslkey = sslkey
  if (fields.applicationName !== '') draft.applicationName = fields.applicationName
  const timeout = parseNumber(fields.connectTimeoutS)
  if (timeout !== undefined) draft.connectTimeoutS = timeout
  const command = optional(fields.passwordCommand)
  if (command !== undefined) draft.passwordCommand = command
  const settings: NonNullable<ProfileDraftInput['settings']> = {}
  for (const key of settingNames) {
    const value = parseNumber(fields.settings[key])
    if (value !== undefined) settings[key] = value
  }
  if (Object.keys(settings).length > 0) draft.settings = settings
  if (fields.password !== '') draft.password = fields.password
  const remember = rememberChoice(fields, context.passwordStored)
  if (remember !== undefined) draft.rememberPassword = remember
  return draft
}

/** Fields that live in the form's "Advanced" section. */
const advancedRoots: ReadonlySet<string> = new Set([
  'fallbackHosts',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'applicationName',
  'connectTimeoutS',
  'passwordCommand',
  'settings',
])

export function isAdvancedPath(path: FieldPath): boolean {
  return advancedRoots.has(path.split('.')[0] ?? '')
}

/** How many advanced values differ from the defaults (shown on the collapsed section). */
export function advancedCount(fields: FormFields): number {
  const texts = [
    fields.sslrootcert,
    fields.sslcert,
    fields.sslkey,
    fields.connectTimeoutS,
    fields.passwordCommand,
    ...settingNames.map((k) => fields.settings[k]),
  ]
  const app = fields.applicationName !== '' && fields.applicationName !== 'lifeguard' ? 1 : 0
  return (
    texts.filter((t) => t.trim() !== '').length + app + (fields.fallbackHosts.length > 0 ? 1 : 0)
  )
}

/**
 * Validation messages arrive as text, "profile.port: port must be ...; profile.host: ...".
 * Splits them into readable lines and finds the field paths they name, to mark those inputs.
 */
export function readValidationMessage(message: string): { lines: string[]; fields: FieldPath[] } {
  const lines: string[] = []
  const fields: FieldPath[] = []
  for (const part of message.split('; ')) {
    const match = /^(?:profile|draft)\.([A-Za-z0-9.]+):\s*(.*)$/s.exec(part)
    if (match?.[1]) {
      fields.push(match[1])
      lines.push(match[2] ?? part)
    } else {
      lines.push(part)
    }
  }
  return { lines, fields }
}
