/**
 * The cockpit's live data that is not the pool's: the app's preferences (notification mutes),
 * each profile's load lab status and write-queue status, and the history sink's status. Each arrives by event (and on demand);
 * a profile's figures stay absent until the first one came, so the UI can show "–" meanwhile.
 */
import type { StateCreator } from 'zustand'
import type { AppPreferences, WorkloadStatus } from '../../../../shared/cockpit'
import type { HistorySinkStatus, QueueStatus } from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import type { LifeguardState } from '../store'

export interface CockpitState {
  preferences: AppPreferences | null
  /** Why the preferences could not be loaded (main may not offer them yet). */
  preferencesError: ErrorInfo | null
  workloads: Record<string, WorkloadStatus>
  queues: Record<string, QueueStatus>
  /** The history sink's status (history:changed), null until main sent it. */
  historySink: HistorySinkStatus | null
}

export interface CockpitActions {
  setPreferences(preferences: AppPreferences): void
  setPreferencesError(error: ErrorInfo | null): void
  setWorkload(status: WorkloadStatus): void
  setQueueStatus(status: QueueStatus): void
  /** Every profile's queue status at once (the start-up snapshot): one store update. */
  setQueueStatuses(statuses: readonly QueueStatus[]): void
  setHistorySink(status: HistorySinkStatus): void
  /** Forgets profiles that no longer exist. */
  keepCockpitOf(profileIds: string[]): void
}

export type CockpitSlice = CockpitState & CockpitActions

function only<T>(record: Record<string, T>, keep: Set<string>): Record<string, T> {
  const entries = Object.entries(record)
  if (entries.every(([id]) => keep.has(id))) return record
  return Object.fromEntries(entries.filter(([id]) => keep.has(id)))
}

export const createCockpitSlice: StateCreator<LifeguardState, [], [], CockpitSlice> = (set) => ({
  preferences: null,
  preferencesError: null,
  workloads: {},
  queues: {},
  historySink: null,
  setPreferences: (preferences) => set({ preferences, preferencesError: null }),
  setPreferencesError: (preferencesError) => set({ preferencesError }),
  setWorkload: (status) =>
    set((s) => ({ workloads: { ...s.workloads, [status.profileId]: status } })),
  setQueueStatus: (status) => set((s) => ({ queues: { ...s.queues, [status.profileId]: status } })),
  setQueueStatuses: (statuses) =>
    set((s) => {
      if (statuses.length === 0) return {}
      const queues = { ...s.queues }
      for (const status of statuses) queues[status.profileId] = status
      return { queues }
    }),
  setHistorySink: (historySink) => set({ historySink }),
  keepCockpitOf: (profileIds) =>
    set((s) => {
      const keep = new Set(profileIds)
      return { workloads: only(s.workloads, keep), queues: only(s.queues, keep) }
    }),
})

export const cockpitSelectors = {
  preferences: (s: LifeguardState) => s.preferences,
  preferencesError: (s: LifeguardState) => s.preferencesError,
  /** Whether this profile's critical alerts raise no notification. */
  muted:
    (id: string) =>
    (s: LifeguardState): boolean =>
      s.preferences?.mutedProfileIds.includes(id) ?? false,
  workload:
    (id: string) =>
    (s: LifeguardState): WorkloadStatus | undefined =>
      s.workloads[id],
  queue:
    (id: string) =>
    (s: LifeguardState): QueueStatus | undefined =>
      s.queues[id],
  historySink: (s: LifeguardState) => s.historySink,
  /** Whether this profile is the history sink (its queue holds the snapshots). */
  isHistorySink:
    (id: string) =>
    (s: LifeguardState): boolean =>
      s.historySink?.profileId === id,
  /** The write queue's depth, or null until main sent a status. */
  queueDepth:
    (id: string) =>
    (s: LifeguardState): number | null =>
      s.queues[id]?.depth ?? null,
}
