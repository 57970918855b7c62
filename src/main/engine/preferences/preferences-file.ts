/**
 * The app's preferences file, `<dataDir>/preferences.json`: validated on read, written atomically
 * (temporary file, fsync, rename, directory fsync) with mode 0600. Absent means the defaults. A
 * file that cannot be read or does not have the expected shape is moved aside
 * (`preferences.json.unreadable-<time>` / `.invalid-<time>`) and reported as a warning, as the
 * profiles file is (profile-file.ts): never reset silently.
 */
import fs from 'node:fs'
import { z } from 'zod'
import type { AppPreferences } from '../../../shared/cockpit'
import { historySinkSettingsSchema } from '../../../shared/cockpit-schemas'
import type { AppWarning } from '../../../shared/domain'
import { profileIdSchema } from '../../../shared/schemas'
import { writeFileAtomic } from '../core/atomic-file'
import { LifeguardError } from '../core/errors'

export const PREFERENCES_FILE = 'preferences.json'
export const PREFERENCES_FORMAT_VERSION = 1

export const defaultPreferences: Readonly<AppPreferences> = Object.freeze({
  mutedProfileIds: [],
  notificationsEnabled: true,
  historySink: { profileId: null, intervalMs: 10_000 },
})

export function freshDefaults(): AppPreferences {
  return structuredClone(defaultPreferences) as AppPreferences
}

const fileSchema = z.strictObject({
  formatVersion: z.literal(PREFERENCES_FORMAT_VERSION),
  mutedProfileIds: z.array(profileIdSchema).max(10_000),
  notificationsEnabled: z.boolean(),
  historySink: historySinkSettingsSchema,
})

export interface OpenedPreferences {
  preferences: AppPreferences
  warnings: AppWarning[]
}

function moveAside(file: string, reason: string, wallNow: number): string {
  const stamp = new Date(wallNow).toISOString().replace(/[:.]/g, '-')
  const aside = `${file}.${reason}-${stamp}`
  fs.renameSync(file, aside)
  return aside
}

export function readPreferences(file: string, wallNow: () => number): OpenedPreferences {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { preferences: freshDefaults(), warnings: [] }
    return keptAside(file, 'unreadable', wallNow, (error as Error).message)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return keptAside(file, 'unreadable', wallNow, (error as Error).message)
  }
  const parsed = fileSchema.safeParse(raw)
  if (!parsed.success)
    return keptAside(
      file,
      'invalid',
      wallNow,
      parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    )
  const { formatVersion: _version, ...preferences } = parsed.data
  return { preferences, warnings: [] }
}

function keptAside(
  file: string,
  reason: 'unreadable' | 'invalid',
  wallNow: () => number,
  detail: string,
): OpenedPreferences {
  let where: string
  try {
    where = `The original is kept at ${moveAside(file, reason, wallNow())}.`
  } catch {
    where = `It could not be moved aside and is left at ${file}.`
  }
  const what = reason === 'invalid' ? 'did not have the expected shape' : 'could not be read'
  return {
    preferences: freshDefaults(),
    warnings: [
      {
        id: `preferences-file-${reason}`,
        message: `The preferences file ${what}, so Lifeguard started with the default preferences. ${where}`,
        detail: detail.slice(0, 200),
      },
    ],
  }
}

export function writePreferences(file: string, preferences: AppPreferences): void {
  const content = `${JSON.stringify({ formatVersion: PREFERENCES_FORMAT_VERSION, ...preferences }, null, 2)}\n`
  try {
    writeFileAtomic(file, content, 0o600)
  } catch (error) {
    throw new LifeguardError(
      'storage',
      `the preferences could not be saved: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    )
  }
}
