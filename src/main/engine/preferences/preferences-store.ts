/**
 * The app's preferences in memory and on disk (preferences-file.ts). A change names only the keys
 * it changes; a muted profile or history-sink profile that does not exist is refused with
 * 'not-found' and nothing changes (in memory or on disk). Deleting a profile takes it out of the
 * mutes and the sink. Every change is written before it is answered.
 */
import type { AppPreferences, HistorySinkSettings } from '../../../shared/cockpit'
import type { AppWarning } from '../../../shared/domain'
import { LifeguardError } from '../core/errors'
import { readPreferences, writePreferences } from './preferences-file'

export interface PreferencesChange {
  mutedProfileIds?: readonly string[] | undefined
  notificationsEnabled?: boolean | undefined
  historySink?: HistorySinkSettings | undefined
}

export class PreferencesStore {
  private current: AppPreferences
  readonly warnings: AppWarning[]

  constructor(
    private readonly file: string,
    wallNow: () => number,
  ) {
    const opened = readPreferences(file, wallNow)
    this.current = opened.preferences
    this.warnings = opened.warnings
  }

  get(): AppPreferences {
    return structuredClone(this.current)
  }

  /** Applies `change` (validated against the profiles that exist), saves, returns the result. */
  set(change: PreferencesChange, profileExists: (id: string) => boolean): AppPreferences {
    const next = structuredClone(this.current)
    if (change.mutedProfileIds !== undefined) {
      const unknown = change.mutedProfileIds.filter((id) => !profileExists(id))
      if (unknown.length > 0)
        throw new LifeguardError(
          'not-found',
          `no profile with id ${unknown.slice(0, 3).join(', ')}: only existing profiles can be muted`,
        )
      next.mutedProfileIds = [...new Set(change.mutedProfileIds)]
    }
    if (change.notificationsEnabled !== undefined)
      next.notificationsEnabled = change.notificationsEnabled
    if (change.historySink !== undefined) {
      const id = change.historySink.profileId
      if (id !== null && !profileExists(id))
        throw new LifeguardError(
          'not-found',
          `no profile with id ${id}: the history sink must be an existing profile`,
        )
      next.historySink = { ...change.historySink }
    }
    writePreferences(this.file, next)
    this.current = next
    return this.get()
  }

  /** A profile was deleted: out of the mutes and the sink. Returns whether anything changed. */
  forgetProfile(id: string): boolean {
    const muted = this.current.mutedProfileIds.includes(id)
    const sink = this.current.historySink.profileId === id
    if (!muted && !sink) return false
    const next = structuredClone(this.current)
    next.mutedProfileIds = next.mutedProfileIds.filter((m) => m !== id)
    if (sink) next.historySink = { ...next.historySink, profileId: null }
    writePreferences(this.file, next)
    this.current = next
    return true
  }
}
