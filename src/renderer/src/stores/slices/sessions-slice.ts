/**
 * Per profile: the server summary pushed after each sessions sample (for the server gauge), and
 * the alert list (pushed when it changes). The full sessions list is loaded on demand by the
 * sessions view (sessions:get), not kept here.
 */
import type { StateCreator } from 'zustand'
import type { AlertsChanged, ServerSummary, SessionAlert } from '../../../../shared/sessions'
import type { LifeguardState } from '../store'

export interface SessionsState {
  serverSummaries: Record<string, ServerSummary>
  alerts: Record<string, SessionAlert[]>
}

export interface SessionsActions {
  setServerSummary(summary: ServerSummary): void
  setAlerts(change: AlertsChanged): void
}

export type SessionsSlice = SessionsState & SessionsActions

export const createSessionsSlice: StateCreator<LifeguardState, [], [], SessionsSlice> = (set) => ({
  serverSummaries: {},
  alerts: {},
  setServerSummary: (summary) =>
    set((s) => ({ serverSummaries: { ...s.serverSummaries, [summary.profileId]: summary } })),
  setAlerts: ({ profileId, alerts }) =>
    set((s) => ({ alerts: { ...s.alerts, [profileId]: alerts } })),
})

const none: SessionAlert[] = []

export const sessionsSelectors = {
  serverSummary:
    (id: string) =>
    (s: LifeguardState): ServerSummary | undefined =>
      s.serverSummaries[id],
  alerts:
    (id: string) =>
    (s: LifeguardState): SessionAlert[] =>
      s.alerts[id] ?? none,
  /** Alerts not yet resolved. */
  openAlertCount:
    (id: string) =>
    (s: LifeguardState): number =>
      (s.alerts[id] ?? none).filter((a) => a.resolvedAt === null).length,
}
