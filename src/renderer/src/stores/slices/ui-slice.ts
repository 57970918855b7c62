/** Which dialog is open (at most one). Everything else in the UI is local component state. */
import type { StateCreator } from 'zustand'
import type { LifeguardState } from '../store'

export type FormState =
  { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; profileId: string }

export interface UiState {
  form: FormState
  /** The profile whose deletion awaits confirmation. */
  deleteTargetId: string | null
  /** The profile whose health view (retry timeline) is open. */
  healthTargetId: string | null
  /** The profile whose sessions view (the server's sessions, alerts, actions) is open. */
  sessionsTargetId: string | null
  /** The import dialog (.pgpass, service file, pgAdmin, pasted) is open. */
  importOpen: boolean
}

export interface UiActions {
  openCreateForm(): void
  openEditForm(profileId: string): void
  closeForm(): void
  askToDelete(profileId: string): void
  closeDeleteDialog(): void
  openHealth(profileId: string): void
  closeHealth(): void
  openSessions(profileId: string): void
  closeSessions(): void
  openImport(): void
  closeImport(): void
  /** Closes dialogs about profiles that no longer exist. */
  keepDialogsOf(profileIds: string[]): void
}

export type UiSlice = UiState & UiActions

/** Every dialog closed: opening one starts from this. */
const allClosed = {
  form: { mode: 'closed' },
  deleteTargetId: null,
  healthTargetId: null,
  sessionsTargetId: null,
  importOpen: false,
} as const satisfies UiState

export const createUiSlice: StateCreator<LifeguardState, [], [], UiSlice> = (set) => ({
  ...allClosed,
  openCreateForm: () => set({ ...allClosed, form: { mode: 'create' } }),
  openEditForm: (profileId) => set({ ...allClosed, form: { mode: 'edit', profileId } }),
  closeForm: () => set({ form: { mode: 'closed' } }),
  askToDelete: (profileId) => set({ ...allClosed, deleteTargetId: profileId }),
  closeDeleteDialog: () => set({ deleteTargetId: null }),
  openHealth: (profileId) => set({ ...allClosed, healthTargetId: profileId }),
  closeHealth: () => set({ healthTargetId: null }),
  openSessions: (profileId) => set({ ...allClosed, sessionsTargetId: profileId }),
  closeSessions: () => set({ sessionsTargetId: null }),
  openImport: () => set({ ...allClosed, importOpen: true }),
  closeImport: () => set({ importOpen: false }),
  keepDialogsOf: (profileIds) =>
    set((s) => ({
      deleteTargetId:
        s.deleteTargetId !== null && profileIds.includes(s.deleteTargetId)
          ? s.deleteTargetId
          : null,
      healthTargetId:
        s.healthTargetId !== null && profileIds.includes(s.healthTargetId)
          ? s.healthTargetId
          : null,
      sessionsTargetId:
        s.sessionsTargetId !== null && profileIds.includes(s.sessionsTargetId)
          ? s.sessionsTargetId
          : null,
      form:
        s.form.mode === 'edit' && !profileIds.includes(s.form.profileId)
          ? { mode: 'closed' }
          : s.form,
    })),
})

export const uiSelectors = {
  form: (s: LifeguardState) => s.form,
  deleteTargetId: (s: LifeguardState) => s.deleteTargetId,
  healthTargetId: (s: LifeguardState) => s.healthTargetId,
  sessionsTargetId: (s: LifeguardState) => s.sessionsTargetId,
  importOpen: (s: LifeguardState) => s.importOpen,
  /** A modal is open: the page behind it is inert. */
  modalOpen: (s: LifeguardState) =>
    s.form.mode !== 'closed' ||
    s.deleteTargetId !== null ||
    s.healthTargetId !== null ||
    s.sessionsTargetId !== null ||
    s.importOpen,
}
