/** Which dialog is open. Everything else in the UI is local component state. */
import type { StateCreator } from 'zustand'
import type { LifeguardState } from '../store'

export type FormState =
  { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; profileId: string }

export interface UiState {
  form: FormState
  /** The profile whose deletion awaits confirmation. */
  deleteTargetId: string | null
}

export interface UiActions {
  openCreateForm(): void
  openEditForm(profileId: string): void
  closeForm(): void
  askToDelete(profileId: string): void
  closeDeleteDialog(): void
  /** Closes dialogs about profiles that no longer exist. */
  keepDialogsOf(profileIds: string[]): void
}

export type UiSlice = UiState & UiActions

export const createUiSlice: StateCreator<LifeguardState, [], [], UiSlice> = (set) => ({
  form: { mode: 'closed' },
  deleteTargetId: null,
  openCreateForm: () => set({ form: { mode: 'create' }, deleteTargetId: null }),
  openEditForm: (profileId) => set({ form: { mode: 'edit', profileId }, deleteTargetId: null }),
  closeForm: () => set({ form: { mode: 'closed' } }),
  askToDelete: (profileId) => set({ deleteTargetId: profileId, form: { mode: 'closed' } }),
  closeDeleteDialog: () => set({ deleteTargetId: null }),
  keepDialogsOf: (profileIds) =>
    set((s) => ({
      deleteTargetId:
        s.deleteTargetId !== null && profileIds.includes(s.deleteTargetId)
          ? s.deleteTargetId
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
  /** A modal is open: the page behind it is inert. */
  modalOpen: (s: LifeguardState) => s.form.mode !== 'closed' || s.deleteTargetId !== null,
}
