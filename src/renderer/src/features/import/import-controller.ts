/**
 * Drives the import state machine (import-model.ts) with main's two invokes: preview, then
 * confirm. Plain code, no React: the dialog subscribes to it (use-import.ts), tests drive it
 * with a fake API.
 *
 * Every request takes a new generation; a change of source, a newer request or closing the
 * dialog makes older answers stale, and a stale answer is dropped.
 */
import type { LifeguardApi, Unsubscribe } from '../../../../shared/contract'
import type { ProfileSummary } from '../../../../shared/domain'
import type { Transport } from '../../api/transport'
import { fileSizeProblem, pastedProblem, requestProblem, type PreviewRequest } from './import-file'
import {
  importReducer,
  initialImportState,
  type ImportAction,
  type ImportSourceChoice,
  type ImportState,
} from './import-model'

export interface ImportDeps {
  api: Pick<LifeguardApi, 'previewImport' | 'confirmImport'>
  transportKind: Transport['kind']
  /** Called once the profiles exist (main created them). */
  onImported(created: readonly ProfileSummary[]): void
}

/** What a chosen file needs: its name, size and text (a DOM File fits). */
export interface ChosenFile {
  name: string
  size: number
  text(): Promise<string>
}

export interface ImportController {
  getState(): ImportState
  subscribe(listener: () => void): Unsubscribe
  choose(source: ImportSourceChoice): void
  /** .pgpass or the service files: main reads them where libpq would. */
  readLocal(kind: 'pgpass' | 'service-file'): Promise<void>
  /** A pgAdmin servers.json chosen by the user, read here and sent as text. */
  readPgadminFile(file: ChosenFile): Promise<void>
  readPasted(text: string): Promise<void>
  toggle(index: number): void
  selectAll(on: boolean): void
  confirm(): Promise<void>
  /** Drops any answer still on its way (the dialog closed). */
  dispose(): void
}

const localActivity = {
  pgpass: 'Reading the password file…',
  'service-file': 'Reading the service files…',
} as const

export function createImportController(deps: ImportDeps): ImportController {
  const { api, transportKind } = deps
  let state: ImportState = initialImportState
  let generation = 0
  const listeners = new Set<() => void>()

  const dispatch = (action: ImportAction) => {
    const next = importReducer(state, action)
    if (next === state) return
    state = next
    for (const listener of [...listeners]) listener()
  }

  const preview = async (request: PreviewRequest, activity: string, mine: number) => {
    dispatch({ type: 'read', activity })
    const result = await api.previewImport(request)
    if (mine !== generation) return
    dispatch(
      result.ok
        ? { type: 'previewed', preview: result.data }
        : { type: 'refused', error: result.error },
    )
  }

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    choose: (source) => {
      if (state.phase === 'confirming') return
      generation++
      dispatch({ type: 'choose', source })
    },
    readLocal: (kind) => preview({ kind }, localActivity[kind], ++generation),
    readPgadminFile: async (file) => {
      const mine = ++generation
      const tooBig = fileSizeProblem(file, transportKind)
      if (tooBig) return dispatch({ type: 'refused', error: tooBig })
      dispatch({ type: 'read', activity: `Reading ${file.name}…` })
      let text: string
      try {
        text = await file.text()
      } catch {
        if (mine === generation)
          dispatch({
            type: 'refused',
            error: { code: 'validation', message: `“${file.name}” could not be read as text` },
          })
        return
      }
      if (mine !== generation) return
      const request: PreviewRequest = { kind: 'pgadmin', text, fileName: file.name }
      const problem = requestProblem(request, transportKind)
      if (problem) return dispatch({ type: 'refused', error: problem })
      await preview(request, `Checking ${file.name}…`, mine)
    },
    readPasted: async (text) => {
      const mine = ++generation
      const request: PreviewRequest = { kind: 'pasted', text }
      const problem = pastedProblem(text) ?? requestProblem(request, transportKind)
      if (problem) return dispatch({ type: 'refused', error: problem })
      await preview(request, 'Reading the connection string…', mine)
    },
    toggle: (index) => dispatch({ type: 'toggle', index }),
    selectAll: (on) => dispatch({ type: 'select-all', on }),
    confirm: async () => {
      if (state.phase !== 'previewing' || state.selected.length === 0) return
      const mine = ++generation
      const { preview: view, selected } = state
      dispatch({ type: 'confirm' })
      const result = await api.confirmImport({ previewId: view.previewId, rows: [...selected] })
      if (mine !== generation) return
      if (!result.ok) return dispatch({ type: 'confirm-failed', error: result.error })
      dispatch({ type: 'confirmed', created: result.data })
      deps.onImported(result.data)
    },
    dispose: () => {
      generation++
    },
  }
}
