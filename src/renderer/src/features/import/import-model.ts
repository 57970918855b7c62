/**
 * The import dialog as an explicit state machine (architecture.md, convention 5):
 *
 *   choosing --read--> reading --previewed--> previewing --confirm--> confirming --confirmed--> done
 *      ^                 |  \--refused--> choosing (with the error)      |
 *      |                 |                                               \--confirm-failed--> previewing
 *      \--choose (any phase but confirming: drops a read in flight)          (with the error)
 *
 * Nothing is created before `confirm`: main keeps the preview, and only the rows picked here
 * (which must be 'new') are sent to profiles:import-confirm.
 */
import type {
  ImportCandidate,
  ImportPreviewRow,
  ImportPreviewView,
  ProfileSummary,
} from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/result'
import { plural } from '../../lib/plural'

export type ImportSourceChoice = 'pgpass' | 'service-file' | 'pgadmin' | 'pasted'

export const importSources: readonly { id: ImportSourceChoice; label: string }[] = [
  { id: 'pgpass', label: '.pgpass' },
  { id: 'service-file', label: 'Service file' },
  { id: 'pgadmin', label: 'pgAdmin servers.json' },
  { id: 'pasted', label: 'Paste' },
]

export type ImportState =
  | { phase: 'choosing'; source: ImportSourceChoice; error: ErrorInfo | null }
  | { phase: 'reading'; source: ImportSourceChoice; activity: string }
  | {
      phase: 'previewing'
      source: ImportSourceChoice
      preview: ImportPreviewView
      /** Row indexes picked for import, ascending. */
      selected: readonly number[]
      error: ErrorInfo | null
    }
  | {
      phase: 'confirming'
      source: ImportSourceChoice
      preview: ImportPreviewView
      selected: readonly number[]
    }
  | { phase: 'done'; source: ImportSourceChoice; created: readonly ProfileSummary[] }

export type ImportPhase = ImportState['phase']

export type ImportAction =
  | { type: 'choose'; source: ImportSourceChoice }
  /** Reading a file or asking main for a preview; `activity` is what the spinner says. */
  | { type: 'read'; activity: string }
  /** The source could not be read or was refused (by this page or by main). */
  | { type: 'refused'; error: ErrorInfo }
  | { type: 'previewed'; preview: ImportPreviewView }
  | { type: 'toggle'; index: number }
  | { type: 'select-all'; on: boolean }
  | { type: 'confirm' }
  | { type: 'confirm-failed'; error: ErrorInfo }
  | { type: 'confirmed'; created: readonly ProfileSummary[] }

export const initialImportState: ImportState = {
  phase: 'choosing',
  source: 'pgpass',
  error: null,
}

/** Rows that can be imported: only 'new' ones (duplicates and invalid rows cannot). */
export function selectableRows(preview: ImportPreviewView): number[] {
  return preview.rows.filter((r) => r.status === 'new').map((r) => r.index)
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'choose':
      if (state.phase === 'confirming') return state
      return { phase: 'choosing', source: action.source, error: null }
    case 'read':
      if (state.phase === 'confirming' || state.phase === 'done') return state
      return { phase: 'reading', source: state.source, activity: action.activity }
    case 'refused':
      if (state.phase === 'confirming' || state.phase === 'done') return state
      return { phase: 'choosing', source: state.source, error: action.error }
    case 'previewed':
      if (state.phase !== 'reading') return state
      return {
        phase: 'previewing',
        source: state.source,
        preview: action.preview,
        selected: selectableRows(action.preview),
        error: null,
      }
    case 'toggle': {
      if (state.phase !== 'previewing') return state
      if (!selectableRows(state.preview).includes(action.index)) return state
      const selected = state.selected.includes(action.index)
        ? state.selected.filter((i) => i !== action.index)
        : [...state.selected, action.index].sort((a, b) => a - b)
      return { ...state, selected, error: null }
    }
    case 'select-all':
      if (state.phase !== 'previewing') return state
      return { ...state, selected: action.on ? selectableRows(state.preview) : [], error: null }
    case 'confirm':
      if (state.phase !== 'previewing' || state.selected.length === 0) return state
      return {
        phase: 'confirming',
        source: state.source,
        preview: state.preview,
        selected: state.selected,
      }
    case 'confirm-failed':
      if (state.phase !== 'confirming') return state
      return {
        phase: 'previewing',
        source: state.source,
        preview: state.preview,
        selected: state.selected,
        error: action.error,
      }
    case 'confirmed':
      if (state.phase !== 'confirming') return state
      return { phase: 'done', source: state.source, created: action.created }
  }
}

/** The preview shown (while previewing or confirming), else null. */
export function previewOf(state: ImportState): ImportPreviewView | null {
  return state.phase === 'previewing' || state.phase === 'confirming' ? state.preview : null
}

export function selectedOf(state: ImportState): readonly number[] {
  return state.phase === 'previewing' || state.phase === 'confirming' ? state.selected : []
}

export function errorOf(state: ImportState): ErrorInfo | null {
  return state.phase === 'choosing' || state.phase === 'previewing' ? state.error : null
}

export function importButtonLabel(count: number): string {
  return `Import ${count} ${plural(count, 'profile')}`
}

export type StatusTone = 'new' | 'duplicate' | 'invalid'

/** The status badge of a row: icon and words (colour is only a third cue). */
export function statusLabel(
  row: ImportPreviewRow,
  rows: readonly ImportPreviewRow[],
  profiles: readonly Pick<ProfileSummary, 'id' | 'name'>[],
): { icon: string; text: string } {
  switch (row.status) {
    case 'new':
      return { icon: '+', text: 'New' }
    case 'invalid':
      return { icon: '✕', text: 'Invalid' }
    case 'duplicate': {
      if (row.duplicateOf !== undefined) {
        const saved = profiles.find((p) => p.id === row.duplicateOf)
        return { icon: '=', text: `Duplicate of “${saved?.name ?? 'a saved profile'}”` }
      }
      if (row.duplicateOfRow !== undefined) {
        const earlier = rows.find((r) => r.index === row.duplicateOfRow)
        const name = earlier ? ` (“${earlier.candidate.name}”)` : ''
        return { icon: '=', text: `Duplicate of row ${row.duplicateOfRow + 1}${name}` }
      }
      return { icon: '=', text: 'Duplicate' }
    }
  }
}

export const passwordSourceLabels: Record<ImportCandidate['passwordSource'], string> = {
  none: 'none',
  pgpass: '.pgpass',
  inline: 'in the text',
  'pgadmin-passfile': 'pgAdmin passfile (not read)',
}

/** Where the row's password would come from, in words (an inline one names its source). */
export function passwordSourceText(
  candidate: Pick<ImportCandidate, 'passwordSource' | 'origin'>,
): string {
  if (candidate.passwordSource !== 'inline') return passwordSourceLabels[candidate.passwordSource]
  return candidate.origin.kind === 'service-file' ? 'in the service file' : 'in the text'
}

/** "db1, db2": every host of the candidate, in libpq's order. */
export function hostsText(candidate: Pick<ImportCandidate, 'hosts'>): string {
  return candidate.hosts.join(', ')
}

/** One port for all hosts, or one per host. */
export function portsText(candidate: Pick<ImportCandidate, 'ports'>): string {
  return candidate.ports.join(', ')
}
