/**
 * Per profile: the server summary pushed after each sessions sample (for the server gauge), and
 * the alert list (pushed when it changes, and taken from each sessions:get answer). The full
 * sessions list is loaded on demand by the sessions view, not kept here. Main drops a profile's
 * observer when it disconnects, so does this slice.
 */
import type { StateCreator } from 'zustand'
import type {
  AlertSeverity,
  AlertsChanged,
  ServerSummary,
  ServerView,
  SessionAlert,
  SessionsView,
} from '../../../../shared/sessions'
import type { LifeguardState } from '../store'

export interface SessionsState {
  serverSummaries: Record<string, ServerSummary>
  alerts: Record<string, SessionAlert[]>
}

export interface SessionsActions {
  setServerSummary(summary: ServerSummary): void
  /** Several summaries of one burst: one store update. */
  setServerSummaries(summaries: readonly ServerSummary[]): void
  setAlerts(change: AlertsChanged): void
  /** A sessions:get answer: its alerts, and its sample's gauge figures (unless older). */
  applySessionsView(view: SessionsView): void
  /** The snapshot's server views (alerts and summaries of every watched profile): one update. */
  applyServerViews(views: readonly ServerView[]): void
  /** The profile was disconnected: its server figures and alerts are gone with its observer. */
  forgetServerView(profileId: string): void
  /** Forgets profiles that no longer exist. */
  keepSessionsOf(profileIds: string[]): void
}

export type SessionsSlice = SessionsState & SessionsActions

function without<T>(record: Record<string, T>, keep: (id: string) => boolean): Record<string, T> {
  const entries = Object.entries(record)
  if (entries.every(([id]) => keep(id))) return record
  return Object.fromEntries(entries.filter(([id]) => keep(id)))
}

export const createSessionsSlice: StateCreator<LifeguardState, [], [], SessionsSlice> = (set) => ({
  serverSummaries: {},
  alerts: {},
  setServerSummary: (summary) =>
    set((s) => ({ serverSummaries: { ...s.serverSummaries, [summary.profileId]: summary } })),
  setServerSummaries: (summaries) => {
    if (summaries.length === 0) return
    set((s) => {
      const serverSummaries = { ...s.serverSummaries }
      for (const summary of summaries) serverSummaries[summary.profileId] = summary
      return { serverSummaries }
    })
  },
  setAlerts: ({ profileId, alerts }) =>
    set((s) => ({ alerts: { ...s.alerts, [profileId]: alerts } })),
  applySessionsView: (view) =>
    set((s) => {
      const alerts = { ...s.alerts, [view.profileId]: view.alerts }
      const snapshot = view.snapshot
      const known = s.serverSummaries[view.profileId]
      if (!snapshot || (known && known.sampledAt >= snapshot.sampledAt)) return { alerts }
      const summary: ServerSummary = {
        profileId: view.profileId,
        sampledAt: snapshot.sampledAt,
        connections: snapshot.connections,
        counts: snapshot.counts,
        sampleMs: snapshot.sampleMs,
      }
      return { alerts, serverSummaries: { ...s.serverSummaries, [view.profileId]: summary } }
    }),
  applyServerViews: (views) => {
    if (views.length === 0) return
    set((s) => {
      const alerts = { ...s.alerts }
      let serverSummaries = s.serverSummaries
      for (const view of views) {
        alerts[view.profileId] = view.alerts
        const known = serverSummaries[view.profileId]
        if (!view.summary || (known && known.sampledAt >= view.summary.sampledAt)) continue
        if (serverSummaries === s.serverSummaries) serverSummaries = { ...s.serverSummaries }
        serverSummaries[view.profileId] = view.summary
      }
      return { alerts, serverSummaries }
    })
  },
  forgetServerView: (profileId) =>
    set((s) => ({
      serverSummaries: without(s.serverSummaries, (id) => id !== profileId),
      alerts: without(s.alerts, (id) => id !== profileId),
    })),
  keepSessionsOf: (profileIds) =>
    set((s) => {
      const keep = new Set(profileIds)
      return {
        serverSummaries: without(s.serverSummaries, (id) => keep.has(id)),
        alerts: without(s.alerts, (id) => keep.has(id)),
      }
    }),
})

const none: SessionAlert[] = []

const openCount = (alerts: SessionAlert[] | undefined, severity?: AlertSeverity): number =>
  (alerts ?? none).filter(
    (a) => a.resolvedAt === null && (severity === undefined || a.severity === severity),
  ).length

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
      openCount(s.alerts[id]),
  /** Alerts not yet resolved, of one severity. */
  openAlertsOf:
    (id: string, severity: AlertSeverity) =>
    (s: LifeguardState): number =>
      openCount(s.alerts[id], severity),
}
