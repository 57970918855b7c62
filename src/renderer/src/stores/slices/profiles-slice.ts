/** Saved connection profiles, as main lists them (never a password). */
import type { StateCreator } from 'zustand'
import type { MonitorSnapshot, ProfileSummary } from '../../../../shared/domain'
import type { LifeguardState } from '../store'

export interface ProfilesState {
  profiles: ProfileSummary[]
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
  profilesLoaded: false,
  setProfiles: (profiles) => {
    set({ profiles, profilesLoaded: true })
    const ids = profiles.map((p) => p.id)
    get().keepStatusesOf(ids)
    get().keepDialogsOf(ids)
    get().keepAttemptsOf(ids)
    get().keepSessionsOf(ids)
  },
  applySnapshot: (snapshot) => {
    get().setProfiles(snapshot.profiles)
    get().mergeStatuses(snapshot.statuses)
  },
})

export const profilesSelectors = {
  profiles: (s: LifeguardState) => s.profiles,
  loaded: (s: LifeguardState) => s.profilesLoaded,
  count: (s: LifeguardState) => s.profiles.length,
  byId:
    (id: string) =>
    (s: LifeguardState): ProfileSummary | undefined =>
      s.profiles.find((p) => p.id === id),
}
