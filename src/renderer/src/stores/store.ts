/**
 * The renderer's one zustand store, made of slices (state / actions / selectors per slice).
 * Components read it through the named selectors; main's events reach it only through the
 * event bridge.
 */
import { create } from 'zustand'
import { appSelectors, createAppSlice, type AppSlice } from './slices/app-slice'
import { createHealthSlice, healthSelectors, type HealthSlice } from './slices/health-slice'
import { createSessionsSlice, sessionsSelectors, type SessionsSlice } from './slices/sessions-slice'
import { createProfilesSlice, profilesSelectors, type ProfilesSlice } from './slices/profiles-slice'
import { createStatusesSlice, statusesSelectors, type StatusesSlice } from './slices/statuses-slice'
import { createUiSlice, uiSelectors, type UiSlice } from './slices/ui-slice'
import { cockpitSelectors, createCockpitSlice, type CockpitSlice } from './slices/cockpit-slice'
import { createEventsSlice, eventsSelectors, type EventsSlice } from './slices/events-slice'

export type LifeguardState = ProfilesSlice &
  StatusesSlice &
  AppSlice &
  UiSlice &
  HealthSlice &
  SessionsSlice &
  CockpitSlice &
  EventsSlice

export type LifeguardStore = ReturnType<typeof createLifeguardStore>

export function createLifeguardStore() {
  return create<LifeguardState>()((...a) => ({
    ...createProfilesSlice(...a),
    ...createStatusesSlice(...a),
    ...createAppSlice(...a),
    ...createUiSlice(...a),
    ...createHealthSlice(...a),
    ...createSessionsSlice(...a),
    ...createCockpitSlice(...a),
    ...createEventsSlice(...a),
  }))
}

export const useStore = createLifeguardStore()

export const selectors = {
  profiles: profilesSelectors,
  statuses: statusesSelectors,
  app: appSelectors,
  ui: uiSelectors,
  health: healthSelectors,
  sessions: sessionsSelectors,
  cockpit: cockpitSelectors,
  events: eventsSelectors,
}
