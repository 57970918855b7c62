/**
 * The load lab's form: text fields as typed, turned into WorkloadSettings by the contract's own
 * schema (so the form refuses exactly what main would), with each message under its field.
 */
import type { WorkloadQuery, WorkloadSettings } from '../../../../shared/cockpit'
import { workloadSettingsSchema } from '../../../../shared/cockpit-schemas'

export interface LoadLabDraft {
  clients: string
  ratePerSecond: string
  query: WorkloadQuery
  sleepMs: string
  leak: boolean
  leakEverySeconds: string
  leakHoldMs: string
}

export type LoadLabField =
  'clients' | 'ratePerSecond' | 'sleepMs' | 'leakEverySeconds' | 'leakHoldMs'

export const defaultWorkload: WorkloadSettings = {
  enabled: false,
  clients: 4,
  ratePerSecond: 20,
  query: 'select-1',
  sleepMs: 200,
  leakEverySeconds: null,
  leakHoldMs: 60_000,
}

export function draftOf(settings: WorkloadSettings): LoadLabDraft {
  return {
    clients: String(settings.clients),
    ratePerSecond: String(settings.ratePerSecond),
    query: settings.query,
    sleepMs: String(settings.sleepMs),
    leak: settings.leakEverySeconds !== null,
    leakEverySeconds: String(settings.leakEverySeconds ?? 30),
    leakHoldMs: String(settings.leakHoldMs),
  }
}

/** '' stays NaN (the schema says "must be a number"); "1e3" and " 12 " read as numbers. */
function numberOf(text: string): number {
  const t = text.trim()
  return t === '' ? Number.NaN : Number(t)
}

const fields: readonly string[] = [
  'clients',
  'ratePerSecond',
  'sleepMs',
  'leakEverySeconds',
  'leakHoldMs',
]

export type LoadLabResult =
  | { ok: true; settings: WorkloadSettings }
  | { ok: false; errors: Partial<Record<LoadLabField, string>> }

/** A field that does not apply (disabled in the form) keeps a valid value without blocking. */
function unused(text: string, min: number, max: number, fallback: number): number {
  const n = numberOf(text)
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback
}

export function settingsOf(draft: LoadLabDraft, enabled: boolean): LoadLabResult {
  const candidate = {
    enabled,
    clients: numberOf(draft.clients),
    ratePerSecond: numberOf(draft.ratePerSecond),
    query: draft.query,
    sleepMs:
      draft.query === 'sleep' ? numberOf(draft.sleepMs) : unused(draft.sleepMs, 0, 600_000, 0),
    leakEverySeconds: draft.leak ? numberOf(draft.leakEverySeconds) : null,
    leakHoldMs: draft.leak
      ? numberOf(draft.leakHoldMs)
      : unused(draft.leakHoldMs, 1_000, 3_600_000, defaultWorkload.leakHoldMs),
  }
  const parsed = workloadSettingsSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, settings: parsed.data }
  const errors: Partial<Record<LoadLabField, string>> = {}
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '')
    if (fields.includes(key) && !errors[key as LoadLabField])
      errors[key as LoadLabField] = issue.message
  }
  if (Object.keys(errors).length === 0)
    errors.clients = parsed.error.issues[0]?.message ?? 'invalid'
  return { ok: false, errors }
}
