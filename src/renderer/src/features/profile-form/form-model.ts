/**
 * The profile form's fields as typed (strings), and how they become the contract's draft. The
 * server validates authoritatively; the only check made here is that the port is a number,
 * because a number input cannot send anything else.
 */
import type { RequestOf } from '../../../../shared/contract'
import type { ProfileSummary, SslMode } from '../../../../shared/domain'

export type ProfileDraftInput = RequestOf<'profiles:save'>['profile']

export interface FormFields {
  name: string
  host: string
  port: string
  database: string
  user: string
  password: string
  sslmode: SslMode
}

export type FieldName = keyof FormFields

export const fieldNames: readonly FieldName[] = [
  'name',
  'host',
  'port',
  'database',
  'user',
  'password',
  'sslmode',
]

export const newProfileFields: FormFields = {
  name: '',
  host: 'localhost',
  port: '5432',
  database: 'postgres',
  user: 'postgres',
  password: '',
  sslmode: 'prefer',
}

export function fieldsOf(profile: ProfileSummary): FormFields {
  const { name, host, port, database, user, sslmode } = profile
  return { name, host, port: String(port), database, user, sslmode, password: '' }
}

/** A whole number as typed, or null. Range is the server's to judge (it names the limits). */
export function parsePort(text: string): number | null {
  const trimmed = text.trim()
  return /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : null
}

/** The draft for the contract; an empty password means "none given" (keep the current one). */
export function toDraft(fields: FormFields, port: number): ProfileDraftInput {
  const draft: ProfileDraftInput = {
    name: fields.name,
    host: fields.host,
    port,
    database: fields.database,
    user: fields.user,
    sslmode: fields.sslmode,
  }
  return fields.password === '' ? draft : { ...draft, password: fields.password }
}

/**
 * Validation messages arrive as text, "profile.port: port must be ...; profile.host: ...".
 * Splits them into readable lines and finds the fields they name, to mark those inputs invalid.
 */
export function readValidationMessage(message: string): { lines: string[]; fields: FieldName[] } {
  const lines: string[] = []
  const fields: FieldName[] = []
  for (const part of message.split('; ')) {
    const match = /^(?:profile|draft)\.([a-z]+):\s*(.*)$/s.exec(part)
    const field = fieldNames.find((f) => f === match?.[1])
    if (match && field) {
      fields.push(field)
      lines.push(match[2] ?? part)
    } else {
      lines.push(part)
    }
  }
  return { lines, fields }
}
