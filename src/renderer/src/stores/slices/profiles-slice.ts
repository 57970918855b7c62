/** Saved connection profiles, as main lists them (never a password). */
import type { StateCreator } from 'zustand'
import type { MonitorSnapshot, ProfileSummary } from '../../../../shared/domain'
import type { LifeguardState } from '../store'

export interface ProfilesState {
  profiles: ProfileSummary[]
  /** The same profiles by id (a card finds its own in O(1)). */
  profilesById: ReadonlyMap<string, ProfileSummary>
  /** False until the first snapshot arrived: the UI shows neither cards nor the empty state. */
  profilesLoaded: boolean
}

export interface ProfilesActions {
  setProfiles(profiles: ProfileSummary[]): void
  applySnapshot(snapshot: MonitorSnapshot): void
}

export type ProfilesSlice = ProfilesState & ProfilesActions

export const createProfilesSlice: StateCreator<LifeguardState, [], [], ProfilesSlice> = (
  set,
  get,
) => ({
  profiles: [],
  profilesById: new Map(),
  profilesLoaded: false,
  setProfiles: (profiles) => {
    const profilesById = new Map(profiles.map((p) => [p.id, p]))
    set({ profiles, profilesById, profilesLoaded: true })
    const ids = profiles.map((p) => p.id)
    get().keepStatusesOf(ids)
    get().keepDialogsOf(ids)
    get().keepAttemptsOf(ids)
    get().keepSessionsOf(ids)
    get().keepCockpitOf(ids)
    get().keepEventsOf(ids)
  },
  applySnapshot: (snapshot) => {
    get().setProfiles(snapshot.profiles)
    get().mergeStatuses(snapshot.statuses)
    if (snapshot.servers) get().applyServerViews(snapshot.servers)
  },
})

export const profilesSelectors = {
  profiles: (s: LifeguardState) => s.profiles,
  loaded: (s: LifeguardState) => s.profilesLoaded,
  count: (s: LifeguardState) => s.profiles.length,
  byId:
    (id: string) =>
    (s: LifeguardState): ProfileSummary | undefined =>
      s.profilesById.get(id),
}
