/** The application itself: version and shell, warnings, and the link to main. */
import type { StateCreator } from 'zustand'
import type { AppInfo, AppWarning } from '../../../../shared/domain'
import type { TransportStatus } from '../../api/transport'
import type { LifeguardState } from '../store'

export interface AppState {
  appInfo: AppInfo | null
  /** Warnings still shown, in arrival order. */
  warnings: AppWarning[]
  /** Dismissed ids stay dismissed when AppInfo is fetched again after a reconnect. */
  dismissedWarningIds: string[]
  transport: TransportStatus
  /** Wall-clock ms for what the store stamps itself (a test replaces it). */
  wallNow: () => number
}

export interface AppActions {
  setAppInfo(info: AppInfo): void
  addWarning(warning: AppWarning): void
  dismissWarning(id: string): void
  setTransport(status: TransportStatus): void
}

export type AppSlice = AppState & AppActions

function withWarnings(state: AppState, added: AppWarning[]): AppWarning[] {
  const seen = new Set([...state.dismissedWarningIds, ...state.warnings.map((w) => w.id)])
  const fresh = added.filter((w) => !seen.has(w.id) && (seen.add(w.id), true))
  return fresh.length === 0 ? state.warnings : [...state.warnings, ...fresh]
}

export const createAppSlice: StateCreator<LifeguardState, [], [], AppSlice> = (set) => ({
  appInfo: null,
  warnings: [],
  dismissedWarningIds: [],
  transport: 'connecting',
  wallNow: () => Date.now(),
  setAppInfo: (info) => set((s) => ({ appInfo: info, warnings: withWarnings(s, info.warnings) })),
  addWarning: (warning) => set((s) => ({ warnings: withWarnings(s, [warning]) })),
  dismissWarning: (id) =>
    set((s) => ({
      warnings: s.warnings.filter((w) => w.id !== id),
      dismissedWarningIds: [...s.dismissedWarningIds, id],
    })),
  setTransport: (transport) => set({ transport }),
})

export const appSelectors = {
  appInfo: (s: LifeguardState) => s.appInfo,
  shell: (s: LifeguardState) => s.appInfo?.shell,
  version: (s: LifeguardState) => s.appInfo?.version,
  /** Whether passwords can be stored encrypted here; null until main said. */
  secretStorage: (s: LifeguardState) => s.appInfo?.secretStorage ?? null,
  warnings: (s: LifeguardState) => s.warnings,
  transport: (s: LifeguardState) => s.transport,
}
