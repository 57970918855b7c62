/**
 * Per profile: the retry timeline (attempts and failed probes), oldest first, bounded like main's.
 * Filled from the snapshot of `health:get-timeline` and then by `health:attempt-recorded` events;
 * a record that arrives twice (by event and in a snapshot) is kept once.
 */
import type { StateCreator } from 'zustand'
import type { AttemptRecord } from '../../../../shared/domain'
import type { LifeguardState } from '../store'

export const TIMELINE_CAPACITY = 200

export interface HealthState {
  attempts: Record<string, AttemptRecord[]>
}

export interface HealthActions {
  addAttempt(record: AttemptRecord): void
  /** Replaces a profile's timeline with main's (records already received by event are kept once). */
  setAttempts(profileId: string, records: AttemptRecord[]): void
  /** Forgets the timelines of profiles that no longer exist. */
  keepAttemptsOf(profileIds: string[]): void
}

export type HealthSlice = HealthState & HealthActions

/** One record's identity: main starts each at a distinct wall time, numbered within its outage. */
export const attemptKey = (r: AttemptRecord): string => `${r.at}:${r.attempt}:${r.trigger}`

export const createHealthSlice: StateCreator<LifeguardState, [], [], HealthSlice> = (set) => ({
  attempts: {},
  addAttempt: (record) =>
    set((s) => {
      const known = s.attempts[record.profileId] ?? []
      const key = attemptKey(record)
      if (known.some((r) => attemptKey(r) === key)) return {}
      const list = [...known, record]
      // Events normally arrive in order; one that does not is put in its place.
      if (known.length > 0 && record.at < (known.at(-1)?.at ?? 0)) list.sort((a, b) => a.at - b.at)
      return {
        attempts: { ...s.attempts, [record.profileId]: list.slice(-TIMELINE_CAPACITY) },
      }
    }),
  setAttempts: (profileId, records) =>
    set((s) => {
      const seen = new Set(records.map(attemptKey))
      const extra = (s.attempts[profileId] ?? []).filter((r) => !seen.has(attemptKey(r)))
      const list = [...records, ...extra].sort((a, b) => a.at - b.at).slice(-TIMELINE_CAPACITY)
      return { attempts: { ...s.attempts, [profileId]: list } }
    }),
  keepAttemptsOf: (profileIds) =>
    set((s) => {
      const keep = new Set(profileIds)
      const entries = Object.entries(s.attempts)
      if (entries.every(([id]) => keep.has(id))) return {}
      return { attempts: Object.fromEntries(entries.filter(([id]) => keep.has(id))) }
    }),
})

const none: AttemptRecord[] = []

export const healthSelectors = {
  /** Oldest first. */
  attempts:
    (id: string) =>
    (s: LifeguardState): AttemptRecord[] =>
      s.attempts[id] ?? none,
  /** How many records of the timeline failed. */
  failureCount:
    (id: string) =>
    (s: LifeguardState): number =>
      (s.attempts[id] ?? none).filter((r) => r.outcome === 'failure').length,
}
