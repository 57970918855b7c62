/**
 * Per profile: the retry timeline (attempts and failed probes), newest last, bounded like main's.
 * Filled from the snapshot of `health:get-timeline` and then by `health:attempt-recorded` events.
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
}

export type HealthSlice = HealthState & HealthActions

const key = (r: AttemptRecord) => `${r.at}:${r.attempt}:${r.trigger}`

export const createHealthSlice: StateCreator<LifeguardState, [], [], HealthSlice> = (set) => ({
  attempts: {},
  addAttempt: (record) =>
    set((s) => {
      const list = [...(s.attempts[record.profileId] ?? []), record].slice(-TIMELINE_CAPACITY)
      return { attempts: { ...s.attempts, [record.profileId]: list } }
    }),
  setAttempts: (profileId, records) =>
    set((s) => {
      const seen = new Set(records.map(key))
      const extra = (s.attempts[profileId] ?? []).filter((r) => !seen.has(key(r)))
      const list = [...records, ...extra].sort((a, b) => a.at - b.at).slice(-TIMELINE_CAPACITY)
      return { attempts: { ...s.attempts, [profileId]: list } }
    }),
})

const none: AttemptRecord[] = []

export const healthSelectors = {
  attempts:
    (id: string) =>
    (s: LifeguardState): AttemptRecord[] =>
      s.attempts[id] ?? none,
}
