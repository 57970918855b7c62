/**
 * Which dialog is open (at most one), plus two bits of UI state that outlive a component: the
 * profile whose password prompt a command asked for, and short notices (toasts). Everything else
 * in the UI is local component state or the route.
 */
import type { StateCreator } from 'zustand'
import type { LifeguardState } from '../store'

export type FormState =
  { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; profileId: string }

/** The export dialog: one profile's metrics, or every profile's (profileId null). */
export interface ExportTarget {
  profileId: string | null
}

export interface Toast {
  id: number
  tone: 'ok' | 'error' | 'info'
  text: string
}

/** Notices shown at once, oldest dropped first. */
export const TOASTS_SHOWN = 4

export interface UiState {
  form: FormState
  /** The profile whose deletion awaits confirmation. */
  deleteTargetId: string | null
  /** The import dialog (.pgpass, service file, pgAdmin, pasted) is open. */
  importOpen: boolean
  /** The command palette (Ctrl+K / Cmd+K). */
  paletteOpen: boolean
  /** The list of keyboard shortcuts ("?"). */
  shortcutsOpen: boolean
  /** The profile whose drain dialog (deadline, stragglers) is open. */
  drainTargetId: string | null
  /** The profile whose shutdown awaits confirmation. */
  shutdownTargetId: string | null
  exportTarget: ExportTarget | null
  /** A command found that this profile needs a password: its view shows the prompt. */
  passwordPromptId: string | null
  toasts: Toast[]
}

export interface UiActions {
  openCreateForm(): void
  openEditForm(profileId: string): void
  closeForm(): void
  askToDelete(profileId: string): void
  closeDeleteDialog(): void
  openImport(): void
  closeImport(): void
  openPalette(): void
  closePalette(): void
  openShortcuts(): void
  closeShortcuts(): void
  openDrain(profileId: string): void
  closeDrain(): void
  askToShutdown(profileId: string): void
  closeShutdown(): void
  openExport(target: ExportTarget): void
  closeExport(): void
  askPassword(profileId: string | null): void
  showToast(tone: Toast['tone'], text: string): void
  dismissToast(id: number): void
  /** Closes dialogs about profiles that no longer exist. */
  keepDialogsOf(profileIds: string[]): void
}

export type UiSlice = UiState & UiActions

/** Every dialog closed: opening one starts from this. */
const allClosed = {
  form: { mode: 'closed' },
  deleteTargetId: null,
  importOpen: false,
  paletteOpen: false,
  shortcutsOpen: false,
  drainTargetId: null,
  shutdownTargetId: null,
  exportTarget: null,
} as const satisfies Omit<UiState, 'passwordPromptId' | 'toasts'>

let nextToastId = 1

const kept = (id: string | null, ids: string[]) => (id !== null && ids.includes(id) ? id : null)

export const createUiSlice: StateCreator<LifeguardState, [], [], UiSlice> = (set) => ({
  ...allClosed,
  passwordPromptId: null,
  toasts: [],
  openCreateForm: () => set({ ...allClosed, form: { mode: 'create' } }),
  openEditForm: (profileId) => set({ ...allClosed, form: { mode: 'edit', profileId } }),
  closeForm: () => set({ form: { mode: 'closed' } }),
  askToDelete: (profileId) => set({ ...allClosed, deleteTargetId: profileId }),
  closeDeleteDialog: () => set({ deleteTargetId: null }),
  openImport: () => set({ ...allClosed, importOpen: true }),
  closeImport: () => set({ importOpen: false }),
  openPalette: () => set({ ...allClosed, paletteOpen: true }),
  closePalette: () => set({ paletteOpen: false }),
  openShortcuts: () => set({ ...allClosed, shortcutsOpen: true }),
  closeShortcuts: () => set({ shortcutsOpen: false }),
  openDrain: (profileId) => set({ ...allClosed, drainTargetId: profileId }),
  closeDrain: () => set({ drainTargetId: null }),
  askToShutdown: (profileId) => set({ ...allClosed, shutdownTargetId: profileId }),
  closeShutdown: () => set({ shutdownTargetId: null }),
  openExport: (target) => set({ ...allClosed, exportTarget: target }),
  closeExport: () => set({ exportTarget: null }),
  askPassword: (passwordPromptId) => set({ passwordPromptId }),
  showToast: (tone, text) =>
    set((s) => ({ toasts: [...s.toasts, { id: nextToastId++, tone, text }].slice(-TOASTS_SHOWN) })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  keepDialogsOf: (profileIds) =>
    set((s) => ({
      deleteTargetId: kept(s.deleteTargetId, profileIds),
      drainTargetId: kept(s.drainTargetId, profileIds),
      shutdownTargetId: kept(s.shutdownTargetId, profileIds),
      passwordPromptId: kept(s.passwordPromptId, profileIds),
      exportTarget:
        s.exportTarget?.profileId != null && !profileIds.includes(s.exportTarget.profileId)
          ? null
          : s.exportTarget,
      form:
        s.form.mode === 'edit' && !profileIds.includes(s.form.profileId)
          ? { mode: 'closed' }
          : s.form,
    })),
})

export const uiSelectors = {
  form: (s: LifeguardState) => s.form,
  deleteTargetId: (s: LifeguardState) => s.deleteTargetId,
  importOpen: (s: LifeguardState) => s.importOpen,
  paletteOpen: (s: LifeguardState) => s.paletteOpen,
  shortcutsOpen: (s: LifeguardState) => s.shortcutsOpen,
  drainTargetId: (s: LifeguardState) => s.drainTargetId,
  shutdownTargetId: (s: LifeguardState) => s.shutdownTargetId,
  exportTarget: (s: LifeguardState) => s.exportTarget,
  passwordPromptId: (s: LifeguardState) => s.passwordPromptId,
  toasts: (s: LifeguardState) => s.toasts,
  /** A modal is open: the page behind it is inert. */
  modalOpen: (s: LifeguardState) =>
    s.form.mode !== 'closed' ||
    s.deleteTargetId !== null ||
    s.importOpen ||
    s.paletteOpen ||
    s.shortcutsOpen ||
    s.drainTargetId !== null ||
    s.shutdownTargetId !== null ||
    s.exportTarget !== null,
}
